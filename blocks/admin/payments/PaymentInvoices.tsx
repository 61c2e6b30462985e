import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { Invoice } from '@ccb/contract';
import { formatDate } from '../../shared/dates';
import { formatMoney } from '../../shared/locale';
import { downloadBlob, exportFailure } from '../shared/download';
import { invoicePdf, resendInvoiceMail, type InvoiceMail } from './api';

const MAIL_STATUS: Record< InvoiceMail[ 'status' ], string > = {
	sent: __( 'Sent', 'crypto-customer-bridge' ),
	failed: __( 'Not sent', 'crypto-customer-bridge' ),
	attached: __(
		'Attached to the WooCommerce email',
		'crypto-customer-bridge'
	),
};

/**
 * A payment's invoice and credit note: download, and how each was sent, with "Send again" for a
 * mail that failed (or to send a copy again).
 * @param root0
 * @param root0.invoices
 * @param root0.mails
 * @param root0.onChange
 */
export default function PaymentInvoices( {
	invoices,
	mails,
	onChange,
}: {
	invoices: Invoice[];
	mails: InvoiceMail[];
	onChange: () => void;
} ) {
	const [ message, setMessage ] = useState< {
		status: 'error' | 'success';
		text: string;
	} | null >( null );
	const [ busy, setBusy ] = useState( '' );

	if ( ! invoices.length ) {
		return (
			<p>
				{ __(
					'No invoice yet: one is issued when the payment is complete.',
					'crypto-customer-bridge'
				) }
			</p>
		);
	}
	const download = async ( invoice: Invoice ) => {
		setBusy( invoice.id );
		try {
			const response = await invoicePdf( invoice.id );
			downloadBlob( await response.blob(), `${ invoice.number }.pdf` );
		} catch ( error ) {
			setMessage( {
				status: 'error',
				text: await exportFailure( error ),
			} );
		} finally {
			setBusy( '' );
		}
	};
	const resend = async ( mail: InvoiceMail ) => {
		setBusy( mail.id );
		try {
			await resendInvoiceMail( mail.id );
			setMessage( {
				status: 'success',
				text: sprintf(
					/* translators: %s: an email address */
					__( 'Sent to %s.', 'crypto-customer-bridge' ),
					mail.address
				),
			} );
		} catch ( error ) {
			setMessage( {
				status: 'error',
				text:
					( error as { message?: string } ).message ??
					__(
						'The mail could not be sent.',
						'crypto-customer-bridge'
					),
			} );
		} finally {
			setBusy( '' );
			onChange();
		}
	};
	return (
		<div className="ccb-payment__invoices">
			{ message && (
				<Notice
					status={ message.status }
					onRemove={ () => setMessage( null ) }
				>
					{ message.text }
				</Notice>
			) }
			<ul>
				{ invoices.map( ( invoice ) => (
					<li key={ invoice.id }>
						<strong>
							{ invoice.kind === 'credit_note'
								? sprintf(
										/* translators: %s: the credit note's number */
										__(
											'Credit note %s',
											'crypto-customer-bridge'
										),
										invoice.number
									)
								: sprintf(
										/* translators: %s: the invoice's number */
										__(
											'Invoice %s',
											'crypto-customer-bridge'
										),
										invoice.number
									) }
						</strong>{ ' ' }
						— { formatDate( invoice.issuedAt ) } —{ ' ' }
						{ formatMoney( invoice.total, invoice.currency ) }{ ' ' }
						<Button
							variant="secondary"
							size="compact"
							isBusy={ busy === invoice.id }
							onClick={ () => void download( invoice ) }
						>
							{ __( 'Download PDF', 'crypto-customer-bridge' ) }
						</Button>
						<ul className="ccb-payment__mails">
							{ mails
								.filter( ( m ) => m.invoice_id === invoice.id )
								.map( ( mail ) => (
									<li key={ mail.id }>
										{ mail.recipient === 'customer'
											? __(
													'Customer',
													'crypto-customer-bridge'
												)
											: __(
													'Shop',
													'crypto-customer-bridge'
												) }
										{ ` (${ mail.address }): ` }
										<strong>
											{ MAIL_STATUS[ mail.status ] }
										</strong>
										{ mail.error
											? ` — ${ mail.error }`
											: '' }{ ' ' }
										{ mail.status !== 'attached' && (
											<Button
												variant="link"
												isBusy={ busy === mail.id }
												onClick={ () =>
													void resend( mail )
												}
											>
												{ __(
													'Send again',
													'crypto-customer-bridge'
												) }
											</Button>
										) }
									</li>
								) ) }
						</ul>
					</li>
				) ) }
			</ul>
		</div>
	);
}

import { Button, Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import AuditLog from '../shared/AuditLog';
import { getCheckout, type CheckoutDetail } from './api';
import PaymentInvoices from './PaymentInvoices';
import { formatDate } from '../../shared/dates';
import { levelName } from '../../shared/levels';
import { formatMoney } from '../../shared/locale';
import { statusLabel } from './labels';

/**
 * One payment: amount, customer, status history, and every audit entry with its request and response.
 * @param root0
 * @param root0.id
 * @param root0.version
 * @param root0.onBack
 */
export default function PaymentDetail( {
	id,
	version,
	onBack,
}: {
	id: string;
	version: number;
	onBack: () => void;
} ) {
	const [ detail, setDetail ] = useState< CheckoutDetail | null >( null );
	const [ error, setError ] = useState( '' );
	const [ reloads, setReloads ] = useState( 0 );

	useEffect( () => {
		getCheckout( id ).then( setDetail, ( e ) => setError( e.message ) );
	}, [ id, version, reloads ] );

	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! detail ) {
		return <Spinner />;
	}
	const { checkout, history, audit, customer } = detail;

	return (
		<div className="ccb-payment">
			<Button variant="link" onClick={ onBack }>
				{ __( '← All payments', 'crypto-customer-bridge' ) }
			</Button>
			<h2>
				{ formatMoney( checkout.total, checkout.currency ) } —{ ' ' }
				{ statusLabel( checkout.status ) }
			</h2>
			<dl className="ccb-payment__facts">
				{ typeof checkout.amountReceived === 'string' && (
					<>
						<dt>
							{ __(
								'Amount received',
								'crypto-customer-bridge'
							) }
						</dt>
						<dd>
							{ formatMoney(
								checkout.amountReceived,
								checkout.currency
							) }
						</dd>
					</>
				) }
				<dt>{ __( 'Order reference', 'crypto-customer-bridge' ) }</dt>
				<dd>{ checkout.orderRef }</dd>
				<dt>
					{ __( 'Processor checkout id', 'crypto-customer-bridge' ) }
				</dt>
				<dd>
					{ checkout.processorCheckoutId }
					{ checkout.processor === 'sandbox' &&
						` (${ __( 'sandbox', 'crypto-customer-bridge' ) })` }
				</dd>
				<dt>
					{ __(
						'Customer information level',
						'crypto-customer-bridge'
					) }
				</dt>
				<dd>{ levelName( checkout.level ) }</dd>
				<dt>{ __( 'Customer', 'crypto-customer-bridge' ) }</dt>
				<dd>
					{ customer
						? [
								[ customer.firstName, customer.lastName ]
									.filter( Boolean )
									.join( ' ' ),
								customer.email,
								customer.company,
								customer.taxId,
							]
								.filter( Boolean )
								.join( ' · ' ) ||
							__( '(erased)', 'crypto-customer-bridge' )
						: __( 'No customer', 'crypto-customer-bridge' ) }
				</dd>
				<dt>{ __( 'Created', 'crypto-customer-bridge' ) }</dt>
				<dd>{ formatDate( checkout.createdAt ) }</dd>
			</dl>
			<h3>{ __( 'Invoices', 'crypto-customer-bridge' ) }</h3>
			<PaymentInvoices
				invoices={ detail.invoices ?? [] }
				mails={ detail.mails ?? [] }
				onChange={ () => setReloads( ( n ) => n + 1 ) }
			/>
			<h3>{ __( 'Status history', 'crypto-customer-bridge' ) }</h3>
			<ol className="ccb-payment__history">
				{ history.map( ( change, i ) => (
					<li key={ i }>
						{ formatDate( change.at ) } —{ ' ' }
						<strong>{ statusLabel( change.status ) }</strong> (
						{ change.source }
						{ change.note ? `: ${ change.note }` : '' })
					</li>
				) ) }
			</ol>
			<h3>{ __( 'Audit log', 'crypto-customer-bridge' ) }</h3>
			<AuditLog entries={ audit } className="ccb-payment__audit" />
		</div>
	);
}

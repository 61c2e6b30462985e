import { Button, Modal, Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import AuditLog from '../shared/AuditLog';
import { fieldPresentation } from '../../shared/fields';
import { formatDate } from '../../shared/dates';
import { levelName } from '../../shared/levels';
import { formatMoney } from '../../shared/locale';
import { statusLabel } from '../payments/labels';
import {
	eraseCustomer,
	exportCustomer,
	getCustomer,
	type CustomerDetail as Detail,
} from './api';
import { downloadBlob } from '../shared/download';
import PaymentInvoices from '../payments/PaymentInvoices';

interface Props {
	id: string;
	onEdit: ( detail: Detail ) => void;
	onBack: () => void;
}

/**
 * One customer: contact and billing data, note, meta, payments, accounts, and the audit log as a timeline.
 * @param root0
 * @param root0.id
 * @param root0.onEdit
 * @param root0.onBack
 */
export default function CustomerDetail( { id, onEdit, onBack }: Props ) {
	const [ detail, setDetail ] = useState< Detail | null >( null );
	const [ error, setError ] = useState( '' );
	const [ confirming, setConfirming ] = useState( false );
	const [ erasing, setErasing ] = useState( false );
	const paymentsUrl = window.ccbAdmin?.paymentsUrl ?? '';

	useEffect( () => {
		getCustomer( id ).then( setDetail, ( e ) => setError( e.message ) );
	}, [ id ] );

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
	const { customer, checkouts, accounts, audit } = detail;
	const presentation = fieldPresentation();
	const name =
		[ customer.firstName, customer.lastName ]
			.filter( Boolean )
			.join( ' ' ) || __( '(erased)', 'crypto-customer-bridge' );

	const erase = async () => {
		setErasing( true );
		try {
			await eraseCustomer( id );
			setConfirming( false );
			setDetail( await getCustomer( id ) );
		} catch ( e ) {
			setError( ( e as Error ).message );
		} finally {
			setErasing( false );
		}
	};

	return (
		<div className="ccb-customer">
			<Button variant="link" onClick={ onBack }>
				{ __( '← All customers', 'crypto-customer-bridge' ) }
			</Button>
			<h2>{ name }</h2>
			{ customer.erasedAt && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						"This customer's personal data was erased. The payments are kept for accounting.",
						'crypto-customer-bridge'
					) }
				</Notice>
			) }
			{ ! customer.erasedAt && (
				<p className="ccb-customer__actions">
					<Button
						variant="primary"
						onClick={ () => onEdit( detail ) }
					>
						{ __( 'Edit', 'crypto-customer-bridge' ) }
					</Button>{ ' ' }
					<Button
						variant="secondary"
						onClick={ async () =>
							downloadBlob(
								new Blob(
									[
										JSON.stringify(
											await exportCustomer( id ),
											null,
											2
										),
									],
									{ type: 'application/json' }
								),
								`customer-${ id }.json`
							)
						}
					>
						{ __(
							'Export this customer',
							'crypto-customer-bridge'
						) }
					</Button>{ ' ' }
					<Button
						variant="secondary"
						isDestructive
						onClick={ () => setConfirming( true ) }
					>
						{ __( 'Delete', 'crypto-customer-bridge' ) }
					</Button>
				</p>
			) }
			{ confirming && (
				<Modal
					title={ __(
						'Delete this customer?',
						'crypto-customer-bridge'
					) }
					onRequestClose={ () => setConfirming( false ) }
				>
					<p>
						{ __(
							'Their personal data is erased here and at the payment processor. This cannot be undone.',
							'crypto-customer-bridge'
						) }
					</p>
					<p>
						{ __(
							'Their payments are kept, without personal data, for your accounting.',
							'crypto-customer-bridge'
						) }
					</p>
					<Button
						variant="primary"
						isDestructive
						isBusy={ erasing }
						disabled={ erasing }
						onClick={ erase }
					>
						{ __(
							'Delete personal data',
							'crypto-customer-bridge'
						) }
					</Button>{ ' ' }
					<Button
						variant="tertiary"
						onClick={ () => setConfirming( false ) }
					>
						{ __( 'Cancel', 'crypto-customer-bridge' ) }
					</Button>
				</Modal>
			) }
			<h3>{ __( 'Contact and billing', 'crypto-customer-bridge' ) }</h3>
			<dl className="ccb-customer__facts">
				{ (
					Object.keys( presentation ) as Array<
						keyof typeof presentation
					>
				 )
					.filter( ( f ) => customer[ f ] )
					.map( ( f ) => (
						<div key={ f }>
							<dt>{ presentation[ f ].label }</dt>
							<dd>{ customer[ f ] }</dd>
						</div>
					) ) }
				{ customer.note && (
					<div>
						<dt>{ __( 'Note', 'crypto-customer-bridge' ) }</dt>
						<dd>{ customer.note }</dd>
					</div>
				) }
				{ Object.entries( customer.meta ?? {} ).map( ( [ k, v ] ) => (
					<div key={ k }>
						<dt>{ k }</dt>
						<dd>{ v }</dd>
					</div>
				) ) }
				<div>
					<dt>
						{ __( 'Information level', 'crypto-customer-bridge' ) }
					</dt>
					<dd>{ levelName( customer.level ) }</dd>
				</div>
			</dl>
			<h3>{ __( 'Payments', 'crypto-customer-bridge' ) }</h3>
			{ checkouts.length ? (
				<ul className="ccb-customer__payments">
					{ checkouts.map( ( c ) => (
						<li key={ c.id }>
							<a href={ `${ paymentsUrl }#${ c.id }` }>
								{ formatMoney( c.total, c.currency ) }
							</a>{ ' ' }
							— { statusLabel( c.status ) } —{ ' ' }
							{ formatDate( c.createdAt ) }
						</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'No payments yet.', 'crypto-customer-bridge' ) }</p>
			) }
			<h3>{ __( 'Invoices', 'crypto-customer-bridge' ) }</h3>
			<PaymentInvoices
				invoices={ detail.invoices ?? [] }
				mails={ [] }
				onChange={ () => undefined }
			/>
			<h3>{ __( 'Accounts paid from', 'crypto-customer-bridge' ) }</h3>
			{ accounts.length ? (
				<ul>
					{ accounts.map( ( a ) => (
						<li key={ a.account }>
							<code>{ a.account }</code>{ ' ' }
							{ a.network && `(${ a.network })` }
						</li>
					) ) }
				</ul>
			) : (
				<p>
					{ __(
						'The processor has not reported any yet.',
						'crypto-customer-bridge'
					) }
				</p>
			) }
			<h3>{ __( 'Audit log', 'crypto-customer-bridge' ) }</h3>
			<AuditLog entries={ audit } className="ccb-customer__audit" />
		</div>
	);
}

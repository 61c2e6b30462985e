import { Button, Notice, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { CheckoutListItem, CheckoutStatus } from '@ccb/contract/checkout';
import { formatDate } from '../../shared/dates';
import { levelName } from '../../shared/levels';
import { formatMoney } from '../../shared/locale';
import { downloadBlob, exportFailure } from '../shared/download';
import { routeId, useHashRoute } from '../shared/useHashRoute';
import {
	countCheckouts,
	exportCheckouts,
	exportInvoices,
	getActivity,
	listCheckouts,
} from './api';
import { statusLabel } from './labels';
import PaymentDetail from './PaymentDetail';
import PaymentFilters, { toFilter, type FilterForm } from './PaymentFilters';

const POLL_MS = 5000;
const NO_FILTER: FilterForm = { status: '', search: '', from: '', to: '' };

/**
 * The Payments screen: status counts, search, a date range, CSV export and a list that refreshes
 * itself when the bridge reports events; each payment's detail has its own address (`#<id>`).
 * @param root0
 * @param root0.pollMs
 */
export default function PaymentsApp( {
	pollMs = POLL_MS,
}: {
	pollMs?: number;
} ) {
	const [ route, navigate ] = useHashRoute();
	const [ form, setForm ] = useState< FilterForm >( NO_FILTER );
	const [ items, setItems ] = useState< CheckoutListItem[] | null >( null );
	const [ counts, setCounts ] = useState< Record<
		CheckoutStatus,
		number
	> | null >( null );
	const [ nextCursor, setNextCursor ] = useState< string | null >( null );
	const [ error, setError ] = useState( '' );
	const [ exporting, setExporting ] = useState( false );
	const [ version, setVersion ] = useState( 0 );
	const [ updates, setUpdates ] = useState( 0 );
	const since = useRef( '' );
	const selected = routeId( route );

	const load = useCallback( () => {
		const filter = toFilter( form );
		listCheckouts( filter ).then(
			( page ) => {
				setItems( page.items );
				setNextCursor( page.nextCursor );
				setError( '' );
			},
			( e ) => setError( e.message )
		);
		countCheckouts( filter ).then(
			( answer ) => setCounts( answer.counts ),
			() => setCounts( null )
		);
	}, [ form ] );

	useEffect( () => {
		if ( ! selected ) {
			load();
		}
	}, [ load, version, selected ] );

	// Events reach WordPress from the bridge; the screen asks WordPress (not the bridge) whether any arrived.
	useEffect( () => {
		const tick = () =>
			getActivity( since.current ).then(
				( activity ) => {
					if ( since.current && activity.events.length ) {
						setUpdates( ( n ) => n + activity.events.length );
						setVersion( ( v ) => v + 1 );
					}
					since.current = activity.now;
				},
				() => undefined
			);
		void tick();
		const timer = setInterval( tick, pollMs );
		return () => clearInterval( timer );
	}, [ pollMs ] );

	if ( selected ) {
		return (
			<PaymentDetail
				id={ selected }
				version={ version }
				onBack={ () => navigate( '' ) }
			/>
		);
	}

	const filtered = JSON.stringify( form ) !== JSON.stringify( NO_FILTER );
	const exportCsv = async () => {
		setExporting( true );
		try {
			const response = await exportCheckouts( toFilter( form ) );
			downloadBlob(
				await response.blob(),
				`payments-${ new Date().toISOString().slice( 0, 10 ) }.csv`
			);
		} catch ( e ) {
			setError( await exportFailure( e ) );
		} finally {
			setExporting( false );
		}
	};
	const exportInvoicesCsv = async () => {
		setExporting( true );
		try {
			const response = await exportInvoices();
			downloadBlob(
				await response.blob(),
				`invoices-${ new Date().toISOString().slice( 0, 10 ) }.csv`
			);
		} catch ( e ) {
			setError( await exportFailure( e ) );
		} finally {
			setExporting( false );
		}
	};
	const customersUrl = window.ccbAdmin?.customersUrl ?? '';

	return (
		<div className="ccb-payments">
			<div aria-live="polite">
				{ updates > 0 && (
					<Notice status="info" onRemove={ () => setUpdates( 0 ) }>
						{ sprintf(
							/* translators: %d: number of updates */ _n(
								'%d payment update received.',
								'%d payment updates received.',
								updates,
								'crypto-customer-bridge'
							),
							updates
						) }
					</Notice>
				) }
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error }
					</Notice>
				) }
			</div>
			<PaymentFilters
				form={ form }
				counts={ counts }
				onChange={ setForm }
			/>
			<div className="ccb-payments__actions">
				<Button
					variant="secondary"
					onClick={ exportCsv }
					isBusy={ exporting }
					disabled={ exporting }
				>
					{ filtered
						? __(
								'Export these payments (CSV)',
								'crypto-customer-bridge'
							)
						: __(
								'Export all payments (CSV)',
								'crypto-customer-bridge'
							) }
				</Button>
				<Button
					variant="secondary"
					onClick={ exportInvoicesCsv }
					isBusy={ exporting }
					disabled={ exporting }
				>
					{ __(
						'Export all invoices (CSV, for the accountant)',
						'crypto-customer-bridge'
					) }
				</Button>
				{ filtered && (
					<Button
						variant="tertiary"
						onClick={ () => setForm( NO_FILTER ) }
					>
						{ __( 'Clear filters', 'crypto-customer-bridge' ) }
					</Button>
				) }
			</div>
			{ items === null && ! error ? (
				<Spinner />
			) : (
				<table className="wp-list-table widefat striped ccb-payments__table">
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Date', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col">
								{ __( 'Status', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col">
								{ __( 'Amount', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col">
								{ __( 'Customer', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col" className="ccb-col-optional">
								{ __( 'Order', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col" className="ccb-col-optional">
								{ __( 'Level', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col" className="ccb-col-optional">
								{ __(
									'Processor checkout',
									'crypto-customer-bridge'
								) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ ( items ?? [] ).length === 0 && (
							<tr>
								<td colSpan={ 7 }>
									{ filtered
										? __(
												'No payments match these filters.',
												'crypto-customer-bridge'
											)
										: __(
												'No payments yet.',
												'crypto-customer-bridge'
											) }
								</td>
							</tr>
						) }
						{ ( items ?? [] ).map( ( item ) => (
							<tr key={ item.id } data-status={ item.status }>
								<td>
									<a href={ `#${ item.id }` }>
										{ formatDate( item.createdAt ) }
									</a>
								</td>
								<td>{ statusLabel( item.status ) }</td>
								<td>
									{ formatMoney( item.total, item.currency ) }
									{ item.amountReceived &&
										item.status !== 'completed' && (
											<div className="ccb-payments__received">
												{ sprintf(
													/* translators: %s: amount received */ __(
														'%s received',
														'crypto-customer-bridge'
													),
													formatMoney(
														item.amountReceived,
														item.currency
													)
												) }
											</div>
										) }
								</td>
								<td className="ccb-payments__customer">
									<CustomerCell
										item={ item }
										customersUrl={ customersUrl }
									/>
								</td>
								<td className="ccb-col-optional">
									{ item.orderRef }
								</td>
								<td className="ccb-col-optional">
									{ levelName( item.level ) }
								</td>
								<td className="ccb-col-optional">
									<code>{ item.processorCheckoutId }</code>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			{ nextCursor && (
				<Button
					variant="secondary"
					onClick={ () =>
						listCheckouts( toFilter( form ), nextCursor ).then(
							( page ) => {
								setItems( [
									...( items ?? [] ),
									...page.items,
								] );
								setNextCursor( page.nextCursor );
							}
						)
					}
				>
					{ __( 'Load more', 'crypto-customer-bridge' ) }
				</Button>
			) }
		</div>
	);
}

/**
 * The customer of a payment, linked to their page in Customers.
 * @param root0
 * @param root0.item
 * @param root0.customersUrl
 */
function CustomerCell( {
	item,
	customersUrl,
}: {
	item: CheckoutListItem;
	customersUrl: string;
} ) {
	if ( ! item.customer ) {
		return <>{ __( 'No customer', 'crypto-customer-bridge' ) }</>;
	}
	const text =
		[ item.customer.name, item.customer.email ]
			.filter( Boolean )
			.join( ' — ' ) || __( '(erased)', 'crypto-customer-bridge' );
	return customersUrl ? (
		<a href={ `${ customersUrl }#${ item.customer.id }` }>{ text }</a>
	) : (
		<>{ text }</>
	);
}

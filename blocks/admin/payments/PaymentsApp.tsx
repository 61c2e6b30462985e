import { Button, Notice, SelectControl, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import {
	CHECKOUT_STATUSES,
	type CheckoutListItem,
	type CheckoutStatus,
} from '../../../bridge/src/contract/checkout';
import { getActivity, listCheckouts } from './api';
import { formatDate } from '../../shared/dates';
import { formatMoney } from '../../shared/locale';
import { statusLabel } from './labels';
import PaymentDetail from './PaymentDetail';

const POLL_MS = 5000;

/**
 * The Payments screen: a filterable list that refreshes itself when the bridge reports events, and a detail view.
 * @param root0
 * @param root0.pollMs
 */
export default function PaymentsApp( {
	pollMs = POLL_MS,
}: {
	pollMs?: number;
} ) {
	const [ status, setStatus ] = useState< CheckoutStatus | '' >( '' );
	const [ items, setItems ] = useState< CheckoutListItem[] | null >( null );
	const [ nextCursor, setNextCursor ] = useState< string | null >( null );
	const [ error, setError ] = useState( '' );
	// A link to one payment (from a customer's page) carries its id in the hash.
	const [ selected, setSelected ] = useState< string | null >( () =>
		/^#[0-9a-f-]{36}$/.test( window.location.hash )
			? window.location.hash.slice( 1 )
			: null
	);
	const [ version, setVersion ] = useState( 0 );
	const [ updates, setUpdates ] = useState( 0 );
	const since = useRef( '' );

	const load = useCallback( () => {
		listCheckouts( status ).then(
			( page ) => {
				setItems( page.items );
				setNextCursor( page.nextCursor );
				setError( '' );
			},
			( e ) => setError( e.message )
		);
	}, [ status ] );

	useEffect( load, [ load, version ] );

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
				onBack={ () => setSelected( null ) }
			/>
		);
	}

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
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Status', 'crypto-customer-bridge' ) }
				value={ status }
				options={ [
					{ value: '', label: __( 'All', 'crypto-customer-bridge' ) },
					...CHECKOUT_STATUSES.map( ( s ) => ( {
						value: s,
						label: statusLabel( s ),
					} ) ),
				] }
				onChange={ ( value: string ) =>
					setStatus( value as CheckoutStatus | '' )
				}
			/>
			{ items === null && ! error ? (
				<Spinner />
			) : (
				<table className="wp-list-table widefat fixed striped">
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
							<th scope="col">
								{ __( 'Level', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col">
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
								<td colSpan={ 6 }>
									{ __(
										'No payments yet.',
										'crypto-customer-bridge'
									) }
								</td>
							</tr>
						) }
						{ ( items ?? [] ).map( ( item ) => (
							<tr key={ item.id } data-status={ item.status }>
								<td>
									<Button
										variant="link"
										onClick={ () => setSelected( item.id ) }
									>
										{ formatDate( item.createdAt ) }
									</Button>
								</td>
								<td>{ statusLabel( item.status ) }</td>
								<td>
									{ formatMoney( item.total, item.currency ) }
								</td>
								<td>
									{ item.customer
										? [
												item.customer.name,
												item.customer.email,
											]
												.filter( Boolean )
												.join( ' — ' ) ||
											__(
												'(erased)',
												'crypto-customer-bridge'
											)
										: __(
												'No customer',
												'crypto-customer-bridge'
											) }
								</td>
								<td>{ item.level }</td>
								<td>
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
						listCheckouts( status, nextCursor ).then( ( page ) => {
							setItems( [ ...( items ?? [] ), ...page.items ] );
							setNextCursor( page.nextCursor );
						} )
					}
				>
					{ __( 'Load more', 'crypto-customer-bridge' ) }
				</Button>
			) }
		</div>
	);
}

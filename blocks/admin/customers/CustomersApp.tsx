import { Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import type { Customer } from '@ccb/contract/customer';
import { routeId, useHashRoute } from '../shared/useHashRoute';
import {
	getCustomer,
	getStatistics,
	type CustomerDetail as Detail,
	type Statistics as Stats,
} from './api';
import CustomerDetail from './CustomerDetail';
import CustomerForm from './CustomerForm';
import CustomerList from './CustomerList';
import Statistics from './Statistics';

/**
 * Customers: statistics and the list (no hash), a customer's details (`#<id>`), the edit form
 * (`#<id>/edit`) and the create form (`#new`). Each view has its address, so Back, reload and
 * bookmarks work, and an order or a payment can link to a customer.
 */
export default function CustomersApp() {
	const [ route, navigate ] = useHashRoute();
	const [ stats, setStats ] = useState< Stats | null >( null );
	const id = routeId( route );
	const isList = ! id && route !== 'new';

	useEffect( () => {
		if ( isList ) {
			getStatistics().then( setStats, () => setStats( null ) );
		}
	}, [ isList ] );

	const showDetail = ( c: Customer ) => navigate( c.id );
	if ( id && route.endsWith( '/edit' ) ) {
		return (
			<EditCustomer
				id={ id }
				onSaved={ showDetail }
				onCancel={ () => navigate( id ) }
			/>
		);
	}
	if ( id ) {
		return (
			<CustomerDetail
				id={ id }
				onBack={ () => navigate( '' ) }
				onEdit={ ( d: Detail ) =>
					navigate( `${ d.customer.id }/edit` )
				}
			/>
		);
	}
	if ( route === 'new' ) {
		return (
			<CustomerForm
				onSaved={ showDetail }
				onCancel={ () => navigate( '' ) }
			/>
		);
	}
	return (
		<div className="ccb-customers">
			{ stats && <Statistics stats={ stats } /> }
			<CustomerList
				onOpen={ ( open ) => navigate( open ) }
				onCreate={ () => navigate( 'new' ) }
			/>
		</div>
	);
}

/**
 * The edit form for a customer named by the address: loads them first.
 * @param root0
 * @param root0.id
 * @param root0.onSaved
 * @param root0.onCancel
 */
function EditCustomer( {
	id,
	onSaved,
	onCancel,
}: {
	id: string;
	onSaved: ( c: Customer ) => void;
	onCancel: () => void;
} ) {
	const [ customer, setCustomer ] = useState< Customer | null >( null );
	const [ error, setError ] = useState( '' );
	useEffect( () => {
		getCustomer( id ).then(
			( d ) => setCustomer( d.customer ),
			( e ) => setError( e.message )
		);
	}, [ id ] );
	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	return customer ? (
		<CustomerForm
			customer={ customer }
			onSaved={ onSaved }
			onCancel={ onCancel }
		/>
	) : (
		<Spinner />
	);
}

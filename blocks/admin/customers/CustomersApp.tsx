import { useEffect, useState } from '@wordpress/element';
import type { Customer } from '../../../bridge/src/contract/customer';
import {
	getStatistics,
	type CustomerDetail as Detail,
	type Statistics as Stats,
} from './api';
import CustomerDetail from './CustomerDetail';
import CustomerForm from './CustomerForm';
import CustomerList from './CustomerList';
import Statistics from './Statistics';

type Screen =
	| { name: 'list' }
	| { name: 'detail'; id: string }
	| { name: 'form'; customer?: Customer };

/** Customers: statistics and the list; a customer's details; the create and edit form. */
export default function CustomersApp() {
	// A link to one customer (from an order or a payment) carries its id in the hash.
	const [ screen, setScreen ] = useState< Screen >( () =>
		/^#[0-9a-f-]{36}$/.test( window.location.hash )
			? { name: 'detail', id: window.location.hash.slice( 1 ) }
			: { name: 'list' }
	);
	const [ stats, setStats ] = useState< Stats | null >( null );

	useEffect( () => {
		if ( screen.name === 'list' ) {
			getStatistics().then( setStats, () => setStats( null ) );
		}
	}, [ screen.name ] );

	if ( screen.name === 'detail' ) {
		return (
			<CustomerDetail
				id={ screen.id }
				onBack={ () => setScreen( { name: 'list' } ) }
				onEdit={ ( d: Detail ) =>
					setScreen( { name: 'form', customer: d.customer } )
				}
			/>
		);
	}
	if ( screen.name === 'form' ) {
		return (
			<CustomerForm
				customer={ screen.customer }
				onSaved={ ( c ) => setScreen( { name: 'detail', id: c.id } ) }
				onCancel={ () =>
					setScreen(
						screen.customer
							? { name: 'detail', id: screen.customer.id }
							: { name: 'list' }
					)
				}
			/>
		);
	}
	return (
		<div className="ccb-customers">
			{ stats && <Statistics stats={ stats } /> }
			<CustomerList
				onOpen={ ( id ) => setScreen( { name: 'detail', id } ) }
				onCreate={ () => setScreen( { name: 'form' } ) }
			/>
		</div>
	);
}

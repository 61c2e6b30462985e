import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import '../shared/fields.css';
import './customers.css';
import CustomersApp from './CustomersApp';

domReady( () => {
	const root = document.getElementById( 'ccb-customers-root' );
	if ( root ) {
		createRoot( root ).render( <CustomersApp /> );
	}
} );

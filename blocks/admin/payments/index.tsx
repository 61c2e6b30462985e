import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import PaymentsApp from './PaymentsApp';
import './payments.css';

domReady( () => {
	const root = document.getElementById( 'ccb-payments-root' );
	if ( root ) {
		createRoot( root ).render( <PaymentsApp /> );
	}
} );

import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import SettingsApp from './SettingsApp';

domReady( () => {
	const root = document.getElementById( 'ccb-settings-root' );
	if ( root ) {
		createRoot( root ).render( <SettingsApp /> );
	}
} );

/**
 * The shopper's side of the checkout block: builds the form for the effective level, validates it
 * with the shared contract, submits it, and on the way back shows the payment's status. Plain DOM,
 * so a page with this block loads no framework.
 */
import { localizeAmounts } from './shopper/amounts';
import type { Config } from './shopper/dom';
import { CheckoutForm } from './shopper/form';
import { showStatus } from './shopper/status';

for ( const root of document.querySelectorAll< HTMLElement >(
	'[data-ccb-checkout]'
) ) {
	const config = JSON.parse( root.dataset.ccbCheckout ?? '{}' ) as Config;
	const app = root.querySelector< HTMLElement >( '.ccb-checkout__app' )!;
	localizeAmounts( root, config.currency );
	if ( config.order ) {
		void showStatus( app, config );
	} else {
		new CheckoutForm( app, config ).render();
	}
}

import { __, sprintf } from '@wordpress/i18n';
import { el, FINAL_STATUSES, statusMessage, type Config } from './dom';

/**
 * On the way back from the payment page: polls the payment's status until it is final.
 * @param root
 * @param config
 * @param pollMs
 */
export async function showStatus(
	root: HTMLElement,
	config: Config,
	pollMs = [ 1000, 3000 ]
): Promise< void > {
	const status = el(
		'p',
		{ className: 'ccb-checkout__status' },
		__( 'Checking your payment…', 'crypto-customer-bridge' )
	);
	status.setAttribute( 'role', 'status' );
	status.setAttribute( 'aria-live', 'polite' );
	root.replaceChildren( status );
	for ( let attempt = 0; attempt < 90; attempt++ ) {
		try {
			const response = await fetch(
				`${ config.restUrl }checkouts/status?order=${ encodeURIComponent( config.order ) }`
			);
			const body = await response.json();
			if ( response.ok ) {
				status.textContent = statusMessage( body.status );
				status.dataset.status = body.status;
				if ( FINAL_STATUSES.includes( body.status ) ) {
					return;
				}
			} else if ( response.status === 404 ) {
				status.textContent = body.message;
				return;
			}
		} catch {
			// Offline for a moment: keep trying.
		}
		await new Promise( ( resolve ) =>
			setTimeout( resolve, attempt < 10 ? pollMs[ 0 ] : pollMs[ 1 ] )
		);
	}
	status.textContent = sprintf(
		/* translators: %s: the order reference */
		__(
			'The payment is still being confirmed. You can close this page; reference %s.',
			'crypto-customer-bridge'
		),
		config.order
	);
}

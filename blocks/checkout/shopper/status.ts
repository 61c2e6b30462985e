import { __, sprintf } from '@wordpress/i18n';
import { formatMoney } from '../../shared/locale';
import { el, FINAL_STATUSES, statusMessage, type Config } from './dom';
import { forgetTyped } from './typedValues';

interface PaymentState {
	status: string;
	total: string;
	currency: string;
	amountReceived?: string | null;
}

/**
 * What happens next, in the shopper's words, for each outcome.
 * @param status The payment's status.
 */
function nextStep( status: string ): string {
	switch ( status ) {
		case 'completed':
		case 'underpaid_accepted':
			return __(
				'The shop has your payment and will take it from here. Keep the reference above for your records.',
				'crypto-customer-bridge'
			);
		case 'underpaid':
			return __(
				'Nothing more is needed from you right now: keep the reference above, the shop will be in touch.',
				'crypto-customer-bridge'
			);
		case 'expired':
			return __(
				'You can start again: your details are still filled in.',
				'crypto-customer-bridge'
			);
		case 'refunded':
			return __(
				'The money was sent back to the account it came from.',
				'crypto-customer-bridge'
			);
		default:
			return __(
				'Crypto payments take a few minutes to confirm. This page updates itself; you can also close it.',
				'crypto-customer-bridge'
			);
	}
}

/**
 * The receipt on the way back from the payment page: the order reference, the amount (and what
 * arrived, when it differs), the status, kept current until it is final, and what happens next. The
 * block's own lines and total stay above it.
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
	const facts = el( 'dl', { className: 'ccb-receipt__facts' } );
	const next = el( 'p', { className: 'ccb-receipt__next' } );
	const again = el(
		'a',
		{
			className: 'wp-element-button ccb-receipt__again',
			href: window.location.pathname,
			hidden: true,
		},
		__( 'Pay again', 'crypto-customer-bridge' )
	);
	root.replaceChildren(
		el(
			'section',
			{ className: 'ccb-receipt' },
			el(
				'h2',
				{ className: 'ccb-receipt__title' },
				__( 'Your payment', 'crypto-customer-bridge' )
			),
			status,
			facts,
			next,
			again
		)
	);
	const show = ( state: PaymentState ) => {
		status.textContent = statusMessage( state.status );
		status.dataset.status = state.status;
		const rows: [ string, string ][] = [
			[ __( 'Order reference', 'crypto-customer-bridge' ), config.order ],
			[
				__( 'Amount', 'crypto-customer-bridge' ),
				formatMoney( state.total, state.currency ),
			],
		];
		if (
			state.amountReceived &&
			( state.status === 'underpaid' ||
				state.status === 'underpaid_accepted' )
		) {
			rows.push( [
				__( 'Received', 'crypto-customer-bridge' ),
				formatMoney( state.amountReceived, state.currency ),
			] );
		}
		facts.replaceChildren(
			...rows.map( ( [ term, value ] ) =>
				el( 'div', {}, el( 'dt', {}, term ), el( 'dd', {}, value ) )
			)
		);
		next.textContent = nextStep( state.status );
		again.hidden = state.status !== 'expired';
		if (
			state.status === 'completed' ||
			state.status === 'underpaid_accepted'
		) {
			// Paid: what was typed for it need not be kept any longer.
			forgetTyped( config.blockId );
		}
	};
	for ( let attempt = 0; attempt < 90; attempt++ ) {
		try {
			const response = await fetch(
				`${ config.restUrl }checkouts/status?order=${ encodeURIComponent( config.order ) }`
			);
			const body = await response.json();
			if ( response.ok ) {
				show( body as PaymentState );
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

/** Pieces the shopper-side form and status view share. */
import { __ } from '@wordpress/i18n';
import { COUNTRY_CODES } from '@ccb/contract/countries';
import type { Level } from '@ccb/contract/levels';
import type { Threshold } from '@ccb/contract/threshold';

export interface Config {
	postId: number;
	blockId: string;
	siteLevel: Level;
	blockLevel: Level | '';
	threshold: Threshold | null;
	currency: string;
	total: string;
	buttonLabel: string;
	restUrl: string;
	nonce: string;
	order: string;
	cancelled: boolean;
}

export interface RestError {
	code?: string;
	message?: string;
	data?: {
		status?: number;
		fields?: Record< string, { code: string } >;
		level?: Level | null;
	};
}

export const FINAL_STATUSES = [
	'completed',
	'underpaid_accepted',
	'underpaid',
	'refunded',
	'expired',
];

export function el< K extends keyof HTMLElementTagNameMap >(
	tag: K,
	props: Record< string, unknown > = {},
	...children: ( Node | string )[]
): HTMLElementTagNameMap[ K ] {
	const node = Object.assign( document.createElement( tag ), props );
	node.append( ...children );
	return node;
}

export function statusMessage( status: string ): string {
	switch ( status ) {
		case 'completed':
		case 'underpaid_accepted':
			return __(
				'Payment received. Thank you!',
				'crypto-customer-bridge'
			);
		case 'underpaid':
			return __(
				'The payment was less than the amount due. The shop will contact you about the difference.',
				'crypto-customer-bridge'
			);
		case 'refunded':
			return __( 'This payment was refunded.', 'crypto-customer-bridge' );
		case 'expired':
			return __(
				'This payment expired before it was made. No money was taken.',
				'crypto-customer-bridge'
			);
		default:
			return __(
				'Waiting for the payment to be confirmed…',
				'crypto-customer-bridge'
			);
	}
}

export function countrySelect( id: string ): HTMLSelectElement {
	const names = new Intl.DisplayNames(
		[ document.documentElement.lang || 'en' ],
		{ type: 'region' }
	);
	const options = [ ...COUNTRY_CODES ]
		.map( ( code ): [ string, string ] => [
			code,
			names.of( code ) ?? code,
		] )
		.sort( ( a, b ) => a[ 1 ].localeCompare( b[ 1 ] ) );
	const select = el( 'select', { id } );
	select.append(
		el(
			'option',
			{ value: '' },
			__( 'Choose a country', 'crypto-customer-bridge' )
		)
	);
	for ( const [ code, name ] of options ) {
		select.append( el( 'option', { value: code }, name ) );
	}
	return select;
}

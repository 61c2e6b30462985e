// zod/mini: this module reaches the shopper's browser, where every kilobyte counts.
import * as z from 'zod/mini';

export const LEVELS = [ 'none', 'minimal', 'compliant' ] as const;
/** A new shop's level, and the plugin's until its owner chooses. */
export const DEFAULT_LEVEL = 'minimal' satisfies ( typeof LEVELS )[ number ];
export const levelSchema = z.enum( LEVELS, {
	error: ( i ) => ( i.input === undefined ? 'required' : 'invalid_level' ),
} );
export type Level = z.infer< typeof levelSchema >;

export const CUSTOMER_FIELDS = [
	'firstName',
	'lastName',
	'email',
	'company',
	'taxId',
	'addressLine1',
	'addressLine2',
	'postalCode',
	'city',
	'countryCode',
	'phone',
] as const;
export type CustomerField = ( typeof CUSTOMER_FIELDS )[ number ];

/** What each level asks the shopper, and what it insists on (the processor's own WordPress plugin). */
export const LEVEL_FIELDS: Record<
	Level,
	{ asked: readonly CustomerField[]; required: readonly CustomerField[] }
> = {
	none: { asked: [], required: [] },
	minimal: {
		asked: [ 'firstName', 'lastName', 'email' ],
		required: [ 'firstName', 'lastName', 'email' ],
	},
	compliant: {
		asked: CUSTOMER_FIELDS,
		required: [
			'firstName',
			'lastName',
			'email',
			'addressLine1',
			'postalCode',
			'city',
			'countryCode',
		],
	},
};

export function levelRank( level: Level ): number {
	return LEVELS.indexOf( level );
}

/** The strictest of the given levels: a block or a threshold may raise the site's level, never lower it. */
export function strictestLevel( ...levels: Level[] ): Level {
	return levels.reduce(
		( a, b ) => ( levelRank( b ) > levelRank( a ) ? b : a ),
		'none'
	);
}

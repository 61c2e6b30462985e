// zod/mini: this module reaches the shopper's browser, where every kilobyte counts.
import * as z from 'zod/mini';
import { isCountryCode, requiresPostcode } from './countries';
import { LEVEL_FIELDS, type CustomerField, type Level } from './levels';
import { hasUnstorableCharacters, missingOr } from './messages';

const storable = z.refine< string >( ( v ) => ! hasUnstorableCharacters( v ), {
	error: 'invalid_characters',
} );
const text = ( max: number ) =>
	z
		.string( { error: missingOr( 'invalid' ) } )
		.check( z.trim(), z.maxLength( max, { error: 'too_long' } ), storable );

/**
 * One schema per customer field; each normalises (trims, upper-cases codes) before it checks. The
 * lengths are the processor's own checkout form's (its WordPress plugin's `maxlength`s; a phone of at
 * most 16 characters, as its Magento extension enforces), so a shopper gets a field message here
 * rather than a refusal from the processor after submitting.
 */
export const CUSTOMER_FIELD_MAX_LENGTH = {
	firstName: 32,
	lastName: 32,
	email: 64,
	company: 64,
	taxId: 32,
	addressLine1: 32,
	addressLine2: 32,
	postalCode: 12,
	city: 64,
	countryCode: 2,
	phone: 16,
} as const satisfies Record< CustomerField, number >;

/**
 * A phone number: digits with an optional leading +, spaces and ( ) . / - between them. Written so
 * that it is also a valid HTML `pattern` (browsers compile those with the `v` flag), which is how the
 * shopper's form gets it through contract.json.
 */
export const PHONE_PATTERN = '^\\+?[0-9][0-9 \\(\\)\\.\\/\\-]{3,}$';

/**
 * How a form asks for each field: the input type (its constraint, like an email's shape) and the
 * autocomplete token that lets the browser fill it in. The wp-admin forms and the shopper's
 * server-rendered form both take these from here.
 */
export const CUSTOMER_FIELD_INPUT = {
	firstName: { type: 'text', autocomplete: 'given-name' },
	lastName: { type: 'text', autocomplete: 'family-name' },
	email: { type: 'email', autocomplete: 'email' },
	company: { type: 'text', autocomplete: 'organization' },
	taxId: { type: 'text', autocomplete: 'off' },
	addressLine1: { type: 'text', autocomplete: 'address-line1' },
	addressLine2: { type: 'text', autocomplete: 'address-line2' },
	postalCode: { type: 'text', autocomplete: 'postal-code' },
	city: { type: 'text', autocomplete: 'address-level2' },
	countryCode: { type: 'country', autocomplete: 'country' },
	phone: { type: 'tel', autocomplete: 'tel' },
} as const satisfies Record<
	CustomerField,
	{ type: 'text' | 'email' | 'tel' | 'country'; autocomplete: string }
>;

const L = CUSTOMER_FIELD_MAX_LENGTH;
export const customerFieldSchemas = {
	firstName: text( L.firstName ),
	lastName: text( L.lastName ),
	email: z.pipe( text( L.email ), z.email( { error: 'invalid_email' } ) ),
	company: text( L.company ),
	taxId: text( L.taxId ),
	addressLine1: text( L.addressLine1 ),
	addressLine2: text( L.addressLine2 ),
	postalCode: text( L.postalCode ),
	city: text( L.city ),
	countryCode: z
		.string( { error: missingOr( 'invalid_country' ) } )
		.check(
			z.trim(),
			z.toUpperCase(),
			z.refine( isCountryCode, { error: 'invalid_country' } )
		),
	phone: text( L.phone ).check(
		z.regex( new RegExp( PHONE_PATTERN ), { error: 'invalid_phone' } )
	),
} satisfies Record< CustomerField, z.ZodMiniType< string, string > >;

/** Empty strings from forms mean "not given": optional fields must not fail on them. */
const blankToUndefined = ( value: unknown ) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;
const blankIsAbsent = < T extends z.ZodMiniType >( schema: T ) =>
	z.pipe( z.transform( blankToUndefined ), schema );

function fieldFor( field: CustomerField, required: boolean ) {
	const schema = customerFieldSchemas[ field ];
	return blankIsAbsent( required ? schema : z.optional( schema ) );
}

const metaSchema = z
	.record(
		z.string().check( z.maxLength( 64 ), storable ),
		z.string().check( z.maxLength( 500 ), storable )
	)
	.check(
		z.refine( ( m ) => Object.keys( m ).length <= 50, {
			error: 'too_long',
		} )
	);

/** Every field optional: what a customer record can hold. */
export const customerInputSchema = z.object( {
	firstName: z.optional( customerFieldSchemas.firstName ),
	lastName: z.optional( customerFieldSchemas.lastName ),
	email: z.optional( customerFieldSchemas.email ),
	company: z.optional( customerFieldSchemas.company ),
	taxId: z.optional( customerFieldSchemas.taxId ),
	addressLine1: z.optional( customerFieldSchemas.addressLine1 ),
	addressLine2: z.optional( customerFieldSchemas.addressLine2 ),
	postalCode: z.optional( customerFieldSchemas.postalCode ),
	city: z.optional( customerFieldSchemas.city ),
	countryCode: z.optional( customerFieldSchemas.countryCode ),
	phone: z.optional( customerFieldSchemas.phone ),
	note: z.optional( text( 2000 ) ),
	meta: z.optional( metaSchema ),
} );
export type CustomerInput = z.infer< typeof customerInputSchema >;

/**
 * The customer a level asks for: its required fields required, its optional fields optional, and
 * nothing else kept (personal data is limited to what the level asks).
 */
export function customerSchemaFor(
	level: Exclude< Level, 'none' >
): z.ZodMiniType< CustomerInput > {
	const { asked, required } = LEVEL_FIELDS[ level ];
	const shape: Record< string, z.ZodMiniType > = {};
	// A required postcode is required only in a country that has postcodes (checked below).
	const postcodeByCountry = required.includes( 'postalCode' );
	for ( const field of asked )
		shape[ field ] = fieldFor(
			field,
			required.includes( field ) &&
				! ( postcodeByCountry && field === 'postalCode' )
		);
	const schema = z.object( {
		...shape,
		note: blankIsAbsent( z.optional( text( 2000 ) ) ),
		meta: z.optional( metaSchema ),
	} );
	if ( postcodeByCountry ) {
		return schema.check(
			z.refine(
				( c ) => {
					const given = c as {
						postalCode?: string;
						countryCode?: string;
					};
					return (
						given.postalCode !== undefined ||
						! requiresPostcode( given.countryCode )
					);
				},
				{
					error: 'required',
					path: [ 'postalCode' ],
					// Also when other fields failed, so every missing field is named at once.
					when: ( payload ) =>
						typeof payload.value === 'object' &&
						payload.value !== null,
				}
			)
		) as unknown as z.ZodMiniType< CustomerInput >;
	}
	return schema as unknown as z.ZodMiniType< CustomerInput >;
}

/** Emails are compared case-insensitively; this is the form they are compared in. */
export function emailKey( email: string ): string {
	return email.trim().toLowerCase();
}

export const customerSchema = z.extend( customerInputSchema, {
	id: z.string(),
	email: z.nullable( z.string() ),
	level: z.enum( [ 'minimal', 'compliant' ] ),
	processorCustomerId: z.nullable( z.string() ),
	erasedAt: z.nullable( z.string() ),
	createdAt: z.string(),
	updatedAt: z.string(),
} );
export type Customer = z.infer< typeof customerSchema >;

import { z } from 'zod';
import {
	auditEntrySchema,
	checkoutListItemSchema,
	checkoutRequestSchema,
	checkoutStatusSchema,
	checkoutSchema,
	customerInputSchema,
	customerSchema,
	customerStatisticsSchema,
	ERROR_STATUS,
	listTotalSchema,
	eventSchema,
	invoiceDocumentSchema,
	invoicePrefixSchema,
	invoiceSchema,
	LEVELS,
	sellerSchema,
	orderSnapshotSchema,
	statusChangeSchema,
	thresholdSchema,
} from '../contract';
import { customerChangesSchema } from '../domain/customers/editCustomer';

/**
 * The bridge's API as OpenAPI 3.1, generated from the same zod schemas the bridge validates with, so it
 * cannot drift from what the bridge does. Served at /openapi.json and committed as bridge/openapi.json;
 * tests check that every route is described and that real responses validate against it.
 */

const CHECKOUT_FILTERS = [
	'status',
	'customerId',
	'orderRef',
	'search',
	'createdFrom',
	'createdTo',
];

const errorBodySchema = z.object( {
	error: z.object( {
		code: z.enum( Object.keys( ERROR_STATUS ) as [ string, ...string[] ] ),
		message: z.string(),
		fields: z
			.record(
				z.string(),
				z.object( { code: z.string(), message: z.string() } )
			)
			.optional(),
		details: z.record( z.string(), z.unknown() ).optional(),
	} ),
} );
const page = < T extends z.core.$ZodType >( item: T ) =>
	z.object( { items: z.array( item ), nextCursor: z.string().nullable() } );
const customerPage = page( customerSchema ).extend( {
	total: listTotalSchema.optional(),
} );
const checkoutDetail = z.object( {
	checkout: checkoutSchema,
	billing: z.record( z.string(), z.unknown() ).nullable(),
	history: z.array( statusChangeSchema ),
} );
const customerDetail = z.object( {
	customer: customerSchema,
	checkouts: z.array( checkoutListItemSchema ),
	accounts: z.array(
		z.object( {
			network: z.string(),
			account: z.string(),
			lastUsedAt: z.string(),
		} )
	),
} );
const shopView = z.object( {
	name: z.string(),
	keyId: z.string(),
	level: z.enum( LEVELS ),
	threshold: z.nullable( thresholdSchema ),
	eventUrl: z.string().nullable(),
	seller: sellerSchema.nullable(),
	invoicePrefix: z.string(),
	processor: z.object( {
		kind: z.enum( [ 'sandbox', 'whalestack' ] ),
		sandbox: z.boolean(),
		settlementAsset: z.string().nullable(),
		checkoutLanguage: z.string(),
		billingCurrencies: z.array( z.string() ).nullable(),
	} ),
} );
const shopSettings = z.object( {
	name: z.string().max( 200 ).optional(),
	level: z.enum( LEVELS ).optional(),
	threshold: z.optional( z.nullable( thresholdSchema ) ),
	eventUrl: z.string().url().nullable().optional(),
	seller: sellerSchema.nullable().optional(),
	invoicePrefix: invoicePrefixSchema.optional(),
} );
const readiness = z.object( {
	status: z.enum( [ 'ready', 'degraded', 'not_ready', 'draining' ] ),
	checks: z.record( z.string(), z.boolean() ),
	pendingEvents: z.number().nullable(),
} );

interface Route {
	method: 'get' | 'post' | 'patch' | 'delete';
	path: string;
	summary: string;
	auth?: 'shop' | 'processor' | 'none';
	idempotent?: boolean;
	query?: string[];
	body?: z.core.$ZodType;
	responses: Record< number, z.core.$ZodType | 'csv' | 'html' | 'pdf' >;
}

/** Every route the bridge serves to shops, the processor and operators. */
export const ROUTES: Route[] = [
	{
		method: 'get',
		path: '/v1/shop',
		summary: "The shop's settings and a live processor check",
		responses: {
			200: z.object( {
				shop: shopView,
				processorCheck: z.object( {
					ok: z.boolean(),
					message: z.string(),
				} ),
			} ),
		},
	},
	{
		method: 'patch',
		path: '/v1/shop',
		summary:
			"Change the shop's name, level, threshold, event URL, seller or invoice number prefix",
		body: shopSettings,
		responses: { 200: z.object( { shop: shopView } ) },
	},
	{
		method: 'post',
		path: '/v1/checkouts',
		summary: 'Open a hosted checkout',
		idempotent: true,
		body: checkoutRequestSchema,
		responses: { 201: z.object( { checkout: checkoutSchema } ) },
	},
	{
		method: 'post',
		path: '/v1/checkouts/from-order',
		summary:
			"A shop order's checkout, built from the order's own numbers; the order's open checkout when it has one",
		idempotent: true,
		body: orderSnapshotSchema,
		responses: {
			200: z.object( {
				checkout: checkoutSchema,
				reused: z.literal( true ),
			} ),
			201: z.object( { checkout: checkoutSchema } ),
		},
	},
	{
		method: 'get',
		path: '/v1/checkouts',
		summary:
			'Checkouts, newest first; search is an order reference or email (their start) or a checkout id',
		query: [ ...CHECKOUT_FILTERS, 'limit', 'cursor' ],
		responses: { 200: page( checkoutListItemSchema ) },
	},
	{
		method: 'get',
		path: '/v1/checkouts/counts',
		summary: 'How many checkouts each status has under the other filters',
		query: CHECKOUT_FILTERS.filter( ( name ) => name !== 'status' ),
		responses: {
			200: z.object( {
				counts: z.record( checkoutStatusSchema, z.number() ),
			} ),
		},
	},
	{
		method: 'get',
		path: '/v1/checkouts/export.csv',
		summary: 'The matching checkouts as CSV',
		query: CHECKOUT_FILTERS,
		responses: { 200: 'csv' },
	},
	{
		method: 'get',
		path: '/v1/checkouts/{id}',
		summary: 'A checkout, its billing details and status history',
		query: [ 'refresh' ],
		responses: { 200: checkoutDetail },
	},
	{
		method: 'get',
		path: '/v1/checkouts/{id}/audit',
		summary: "A checkout's audit entries",
		responses: {
			200: z.object( { entries: z.array( auditEntrySchema ) } ),
		},
	},
	{
		method: 'get',
		path: '/v1/customers',
		summary: 'Search, filter, sort and page customers',
		query: [
			'q',
			'email',
			'country',
			'level',
			'hasPayments',
			'sort',
			'order',
			'limit',
			'cursor',
			'withTotal',
		],
		responses: { 200: customerPage },
	},
	{
		method: 'post',
		path: '/v1/customers',
		summary: 'Create a customer',
		idempotent: true,
		body: z.object( {
			level: z.enum( [ 'minimal', 'compliant' ] ).optional(),
			customer: customerInputSchema,
		} ),
		responses: { 201: z.object( { customer: customerSchema } ) },
	},
	{
		method: 'get',
		path: '/v1/customers/statistics',
		summary: 'The numbers above the customer list',
		responses: { 200: customerStatisticsSchema },
	},
	{
		method: 'get',
		path: '/v1/customers/export.csv',
		summary: 'The matching customers as CSV',
		query: [ 'q', 'email', 'country', 'level', 'hasPayments' ],
		responses: { 200: 'csv' },
	},
	{
		method: 'get',
		path: '/v1/customers/{id}',
		summary: 'A customer, their checkouts and the accounts they paid from',
		responses: { 200: customerDetail },
	},
	{
		method: 'get',
		path: '/v1/customers/{id}/export',
		summary: 'Everything held about one customer',
		responses: { 200: z.record( z.string(), z.unknown() ) },
	},
	{
		method: 'patch',
		path: '/v1/customers/{id}',
		summary:
			"Change a customer's fields (null clears), or raise their level",
		body: customerChangesSchema,
		responses: { 200: z.object( { customer: customerSchema } ) },
	},
	{
		method: 'delete',
		path: '/v1/customers/{id}',
		summary: "Erase a customer's personal data",
		responses: { 200: z.object( { customer: customerSchema } ) },
	},
	{
		method: 'get',
		path: '/v1/customers/{id}/audit',
		summary: "A customer's audit entries",
		responses: {
			200: z.object( { entries: z.array( auditEntrySchema ) } ),
		},
	},
	{
		method: 'get',
		path: '/v1/invoices',
		summary: "The shop's invoices and credit notes, newest number first",
		query: [ 'checkoutId', 'customerId', 'limit', 'cursor' ],
		responses: { 200: page( invoiceSchema ) },
	},
	{
		method: 'get',
		path: '/v1/invoices/export.csv',
		summary: "The shop's invoices and credit notes as CSV",
		responses: { 200: 'csv' },
	},
	{
		method: 'get',
		path: '/v1/invoices/{id}',
		summary: 'An invoice or credit note, as issued',
		responses: {
			200: z.object( {
				invoice: invoiceSchema,
				document: invoiceDocumentSchema,
			} ),
		},
	},
	{
		method: 'get',
		path: '/v1/invoices/{id}/pdf',
		summary: 'An invoice or credit note as PDF (the same bytes every time)',
		responses: { 200: 'pdf' },
	},
	{
		method: 'post',
		path: '/processor-webhooks/{shopId}',
		summary: "The processor's webhooks (X-Webhook-Auth over the raw body)",
		auth: 'processor',
		body: z.record( z.string(), z.unknown() ),
		responses: {
			200: z.object( {
				outcome: z.enum( [ 'applied', 'duplicate', 'ignored' ] ),
			} ),
		},
	},
	{
		method: 'get',
		path: '/health/live',
		summary: 'Liveness',
		auth: 'none',
		responses: { 200: z.object( { status: z.literal( 'ok' ) } ) },
	},
	{
		method: 'get',
		path: '/health/ready',
		summary: 'Readiness for a load balancer',
		auth: 'none',
		responses: { 200: readiness, 503: readiness },
	},
	{
		method: 'get',
		path: '/openapi.json',
		summary: 'This document',
		auth: 'none',
		responses: { 200: z.record( z.string(), z.unknown() ) },
	},
];

const schema = ( s: z.core.$ZodType, io: 'input' | 'output' ) => {
	const { $schema: _drop, ...rest } = z.toJSONSchema( s, {
		io,
		unrepresentable: 'any',
	} ) as Record< string, unknown >;
	return rest;
};

const SECURITY = {
	shop: [ { shopSignature: [] } ],
	processor: [ { webhookAuth: [] } ],
	none: [],
};

function contentOf( body: z.core.$ZodType | 'csv' | 'html' | 'pdf' ) {
	if ( body === 'csv' ) return { 'text/csv': { schema: { type: 'string' } } };
	if ( body === 'pdf' )
		return {
			'application/pdf': {
				schema: { type: 'string', contentMediaType: 'application/pdf' },
			},
		};
	if ( body === 'html' )
		return { 'text/html': { schema: { type: 'string' } } };
	return { 'application/json': { schema: schema( body, 'output' ) } };
}

/** The whole document. */
export function openApiDocument(): Record< string, unknown > {
	const paths: Record< string, Record< string, unknown > > = {};
	for ( const route of ROUTES ) {
		const auth = route.auth ?? 'shop';
		const parameters = [
			...[ ...route.path.matchAll( /\{(\w+)\}/g ) ].map(
				( [ , name ] ) => ( {
					name,
					in: 'path',
					required: true,
					schema: { type: 'string' },
				} )
			),
			...( route.query ?? [] ).map( ( name ) => ( {
				name,
				in: 'query',
				required: false,
				schema: { type: 'string' },
			} ) ),
			...( route.idempotent
				? [
						{
							name: 'Idempotency-Key',
							in: 'header',
							required: true,
							schema: {
								type: 'string',
								minLength: 1,
								maxLength: 255,
							},
						},
					]
				: [] ),
			{
				name: 'X-Request-Id',
				in: 'header',
				required: false,
				schema: { type: 'string' },
			},
		];
		const responses: Record< string, unknown > = {};
		for ( const [ status, body ] of Object.entries( route.responses ) ) {
			responses[ status ] = {
				description: route.summary,
				content: contentOf( body ),
			};
		}
		responses.default = {
			description: 'An error, with a stable code',
			content: {
				'application/json': {
					schema: { $ref: '#/components/schemas/Error' },
				},
			},
		};
		paths[ route.path ] = {
			...paths[ route.path ],
			[ route.method ]: {
				summary: route.summary,
				parameters,
				...( route.body
					? {
							requestBody: {
								required: true,
								content: {
									'application/json': {
										schema: schema( route.body, 'input' ),
									},
								},
							},
						}
					: {} ),
				responses,
				security: SECURITY[ auth ],
			},
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Crypto Customer Bridge',
			version: '1',
			description:
				'Crypto payments through a Whalestack-compatible processor with the customer attached to every charge. Every /v1 request is signed by the shop (see the README); events are sent to the shop signed the same way.',
		},
		paths,
		components: {
			schemas: {
				Error: schema( errorBodySchema, 'output' ),
				Event: schema( eventSchema, 'output' ),
			},
			securitySchemes: {
				shopSignature: {
					type: 'apiKey',
					in: 'header',
					name: 'X-CCB-Signature',
					description:
						'Lowercase hex HMAC-SHA256 with the shop secret of "timestamp\\nnonce\\nMETHOD\\npath-with-query\\nsha256-hex(body)", with X-CCB-Key-Id, X-CCB-Timestamp and X-CCB-Nonce.',
				},
				webhookAuth: {
					type: 'apiKey',
					in: 'header',
					name: 'X-Webhook-Auth',
					description:
						'Hex SHA-256 of the processor API secret followed by the raw body.',
				},
			},
		},
	};
}

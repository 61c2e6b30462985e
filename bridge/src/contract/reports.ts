import { z } from 'zod';

/** One recorded request that created or changed a customer or linked one to a charge. */
export const auditEntrySchema = z.object( {
	id: z.string(),
	action: z.string(),
	/** shop: a request from the shop; bridge: our request to the processor; processor: its webhook; operator: the CLI. */
	actor: z.enum( [ 'shop', 'bridge', 'processor', 'operator' ] ),
	/** Whose data or decision it carried: "merchant", "verified shopper", "unverified shopper" (a WordPress user where known). */
	onBehalfOf: z.string().nullable().optional(),
	customerId: z.string().nullable(),
	checkoutId: z.string().nullable(),
	request: z.unknown(),
	responseStatus: z.number().nullable(),
	response: z.unknown(),
	createdAt: z.string(),
} );
export type AuditEntry = z.infer< typeof auditEntrySchema >;

/** The numbers above the customer list. Amounts are decimal strings. */
export const customerStatisticsSchema = z.object( {
	/** Every customer the list shows, erased ones included. */
	customers: z.number(),
	erased: z.number(),
	newLast30Days: z.number(),
	paidVolume: z.array(
		z.object( { currency: z.string(), amount: z.string() } )
	),
	topCountries: z.array(
		z.object( { countryCode: z.string(), customers: z.number() } )
	),
	paidPerDay: z.array(
		z.object( {
			day: z.string(),
			currency: z.string(),
			amount: z.string(),
		} )
	),
} );
export type CustomerStatistics = z.infer< typeof customerStatisticsSchema >;

/**
 * How many rows a list has under its filters. `capped: false`: `count` is exact. `capped: true`: there
 * are more than `count` (a search stops counting at its cap), and a screen says "more than {count}".
 */
export const listTotalSchema = z.object( {
	count: z.number(),
	capped: z.boolean(),
} );
export type ListTotal = z.infer< typeof listTotalSchema >;

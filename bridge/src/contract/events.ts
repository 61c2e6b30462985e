import { z } from 'zod';
import { checkoutSchema } from './checkout';

/** Events the bridge sends to the shop's event URL; each has a stable id the shop handles once. */
export const EVENT_TYPES = [
	'checkout.completed',
	'checkout.underpaid',
	'checkout.underpaid_accepted',
	'checkout.refunded',
	'checkout.expired',
	'customer.updated',
	'customer.erased',
] as const;
export const eventTypeSchema = z.enum( EVENT_TYPES );
export type EventType = z.infer< typeof eventTypeSchema >;

export const eventSchema = z.object( {
	id: z.string(),
	type: eventTypeSchema,
	createdAt: z.string(),
	data: z.object( {
		checkout: checkoutSchema.optional(),
		customer: z
			.object( { id: z.string(), email: z.string().nullable() } )
			.optional(),
		/** A payment that arrived after its checkout had expired: the shop must put it in front of the merchant. */
		late: z.boolean().optional(),
		/** The invoice or credit note this change issued: the shop sends it (`GET /v1/invoices/{id}/pdf`). */
		invoice: z
			.object( {
				id: z.string(),
				number: z.string(),
				kind: z.enum( [ 'invoice', 'credit_note' ] ),
			} )
			.optional(),
	} ),
} );
export type ShopEvent = z.infer< typeof eventSchema >;

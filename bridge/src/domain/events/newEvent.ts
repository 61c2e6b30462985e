import { randomUUID } from 'node:crypto';
import type { Checkout, Customer, EventType, ShopEvent } from '../../contract';

export function checkoutEvent(
	type: EventType,
	checkout: Checkout,
	late = false,
	invoice?: NonNullable< ShopEvent[ 'data' ][ 'invoice' ] >
): ShopEvent {
	return {
		id: randomUUID(),
		type,
		createdAt: new Date().toISOString(),
		data: {
			checkout,
			...( late ? { late } : {} ),
			...( invoice ? { invoice } : {} ),
		},
	};
}

/** Customer events carry the id and email only: the shop fetches details it is allowed to see. */
export function customerEvent(
	type: EventType,
	customer: Pick< Customer, 'id' | 'email' >
): ShopEvent {
	return {
		id: randomUUID(),
		type,
		createdAt: new Date().toISOString(),
		data: { customer: { id: customer.id, email: customer.email } },
	};
}

import { randomUUID } from 'node:crypto';
import type { CheckoutRequestInput } from '../../../bridge/src/contract';

export const alice = {
	firstName: 'Alice',
	lastName: 'Liddell',
	email: 'Alice@Example.com',
};

export const aliceCompliant = {
	...alice,
	company: 'Looking Glass Ltd',
	taxId: 'DE123456789',
	addressLine1: '1 Rabbit Hole',
	postalCode: '10115',
	city: 'Berlin',
	countryCode: 'de',
	phone: '+49 30 1234567',
};

/** A valid checkout request: two items, 19.99 × 3 + 5.00 = 64.97 EUR. */
export function checkoutRequest(
	overrides: Partial< CheckoutRequestInput > = {}
): CheckoutRequestInput {
	return {
		level: 'minimal',
		customer: alice,
		orderRef: `order-${ randomUUID().slice( 0, 8 ) }`,
		currency: 'EUR',
		lineItems: [
			{
				description: 'Tea cup',
				netAmount: '19.99',
				quantity: 3,
				productId: 'cup',
			},
			{ description: 'Saucer', netAmount: '5.00', quantity: 1 },
		],
		expectedTotal: '64.97',
		returnUrl: 'https://shop.example/return',
		cancelUrl: 'https://shop.example/cancel',
		...overrides,
	};
}

export function idem(): Record< string, string > {
	return { 'idempotency-key': randomUUID() };
}

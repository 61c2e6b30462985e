import type { CheckoutRequest } from '../../contract';
import type { HostedCheckoutBody } from '../../processors/whalestack/protocol';

export interface ChargeContext {
	checkoutId: string;
	processorCustomerId: string | null;
	shopName: string;
	settlementAsset: string | null;
	checkoutLanguage: string;
	webhookUrl: string;
}

/** Our checkout request in the processor's words. Amounts go out as JSON numbers (the contract keeps them exact). */
export function buildHostedCheckout(
	request: CheckoutRequest,
	context: ChargeContext
): HostedCheckoutBody {
	return {
		charge: {
			...( context.processorCustomerId
				? { customerId: context.processorCustomerId }
				: {} ),
			billingCurrency: request.currency,
			lineItems: request.lineItems.map( ( item ) => ( {
				description: item.description,
				netAmount: Number( item.netAmount ),
				quantity: item.quantity,
				...( item.productId ? { productId: item.productId } : {} ),
			} ) ),
			discountItems: request.discountItems.map( ( d ) => ( {
				description: d.description,
				netAmount: Number( d.netAmount ),
			} ) ),
			shippingCostItems: request.shippingItems.map( ( s ) => ( {
				description: s.description,
				netAmount: Number( s.netAmount ),
				taxable: s.taxable,
			} ) ),
			taxItems: request.taxItems.map( ( t ) => ( {
				name: t.name,
				percent: Number( t.percent ),
			} ) ),
		},
		...( context.settlementAsset
			? { settlementAsset: context.settlementAsset }
			: {} ),
		checkoutLanguage: request.locale
			? request.locale.slice( 0, 2 )
			: context.checkoutLanguage,
		webhook: context.webhookUrl,
		pageSettings: {
			returnUrl: request.returnUrl,
			cancelUrl: request.cancelUrl,
			shopName: context.shopName,
		},
		meta: {
			bridgeCheckoutId: context.checkoutId,
			orderRef: request.orderRef,
		},
	};
}

/**
 * The same checkout charged as one line carrying the exact total: what the processor's official shop
 * plugins fall back to when its arithmetic and the shop's disagree, so the payer is asked for exactly
 * what the shop computed.
 */
export function asSingleLine(
	body: HostedCheckoutBody,
	total: string,
	description: string
): HostedCheckoutBody {
	const { charge } = body;
	return {
		...body,
		charge: {
			...( charge.customerId ? { customerId: charge.customerId } : {} ),
			billingCurrency: charge.billingCurrency,
			lineItems: [
				{
					description: description.slice( 0, 200 ),
					netAmount: Number( total ),
					quantity: 1,
				},
			],
			discountItems: [],
			shippingCostItems: [],
			taxItems: [],
		},
	};
}

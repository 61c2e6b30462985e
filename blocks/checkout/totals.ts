import { computeTotals } from '@ccb/contract/totals';
import { amountSchema, currencySchema } from '@ccb/contract/money';

export interface BlockItem {
	description: string;
	amount: string;
	quantity: number;
}

/**
 * The block's total as the bridge will compute it, or '' while an amount or the currency is not valid.
 * @param items
 * @param currency
 */
export function blockTotal( items: BlockItem[], currency: string ): string {
	const complete = items.filter(
		( i ) => i.description.trim() && i.amount.trim()
	);
	if ( ! complete.length || ! currencySchema.safeParse( currency ).success ) {
		return '';
	}
	if (
		complete.some(
			( i ) =>
				! amountSchema.safeParse( i.amount ).success ||
				! Number.isInteger( i.quantity ) ||
				i.quantity < 1
		)
	) {
		return '';
	}
	return computeTotals( {
		currency: currency.trim().toUpperCase(),
		lineItems: complete.map( ( i ) => ( {
			netAmount: i.amount.trim(),
			quantity: i.quantity,
		} ) ),
		discountItems: [],
		shippingItems: [],
		taxItems: [],
	} ).total;
}

import { computeTotals } from '@ccb/contract/totals';
import { formatMoney } from '../../shared/locale';

/**
 * Writes the block's amounts as the page's language writes money ("3 × 10.00 EUR" becomes
 * "30,00 €" on a German page): each line at its total, computed exactly by the contract.
 * @param root     The block.
 * @param currency The block's currency.
 */
export function localizeAmounts( root: HTMLElement, currency: string ): void {
	for ( const node of root.querySelectorAll< HTMLElement >(
		'[data-ccb-amount]'
	) ) {
		const amount = node.dataset.ccbAmount ?? '';
		const quantity = Number( node.dataset.ccbQuantity ?? '1' );
		try {
			const { subtotal } = computeTotals( {
				currency,
				lineItems: [ { netAmount: amount, quantity } ],
				discountItems: [],
				shippingItems: [],
				taxItems: [],
			} );
			node.textContent = formatMoney( subtotal, currency );
		} catch {
			// Left as the server wrote it.
		}
	}
}

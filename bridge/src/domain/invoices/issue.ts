import { randomUUID } from 'node:crypto';
import type { CheckoutStatus, InvoiceDocument } from '../../contract';
import type { Queryable } from '../../store/db';
import {
	documentOfCheckout,
	insertInvoice,
	invoiceSourceOf,
	nextSequence,
} from '../../store/invoices';
import type { ShopRow } from '../../store/shops';
import { buildDocument } from './document';

const INVOICED: readonly CheckoutStatus[] = [
	'completed',
	'underpaid_accepted',
];

/** What an event names of a document it announces. */
export interface IssuedDocument {
	id: string;
	number: string;
	kind: InvoiceDocument[ 'kind' ];
}

function kindFor( status: CheckoutStatus ): InvoiceDocument[ 'kind' ] | null {
	if ( INVOICED.includes( status ) ) return 'invoice';
	return status === 'refunded' ? 'credit_note' : null;
}

/**
 * Issues what a checkout's new status calls for, in the transaction that records the status: an
 * invoice once it is paid (in full, or an underpayment the merchant accepted), a credit note once a
 * paid and invoiced checkout is refunded. Each at most once per checkout.
 */
export async function issueForStatus(
	tx: Queryable,
	shop: ShopRow,
	checkoutId: string,
	status: CheckoutStatus
): Promise< IssuedDocument | null > {
	const kind = kindFor( status );
	if ( ! kind || ( await documentOfCheckout( tx, checkoutId, kind ) ) )
		return null;
	const invoice =
		kind === 'credit_note'
			? await documentOfCheckout( tx, checkoutId, 'invoice' )
			: null;
	if ( kind === 'credit_note' && ! invoice ) return null;
	const source = await invoiceSourceOf( tx, checkoutId );
	if ( ! source ) return null;
	const document = buildDocument( {
		kind,
		sequence: await nextSequence( tx, shop.id ),
		prefix: shop.invoice_prefix,
		issuedAt: new Date().toISOString(),
		// Until the merchant enters the seller's details, the shop's name stands alone.
		seller: shop.seller ?? { name: shop.name, address: '' },
		source,
		settlementAsset: shop.settlement_asset,
		corrects: invoice,
	} );
	const id = randomUUID();
	await insertInvoice( tx, { id, shopId: shop.id, checkoutId, document } );
	return { id, number: document.number, kind: document.kind };
}

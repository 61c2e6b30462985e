import type { Invoice, InvoiceDocument } from '../contract';
import type { Queryable } from './db';

interface InvoiceRow {
	id: string;
	checkout_id: string;
	kind: Invoice[ 'kind' ];
	sequence: string;
	number: string;
	issued_at: string;
	document: InvoiceDocument;
}

function toInvoice( row: InvoiceRow ): Invoice {
	return {
		id: row.id,
		checkoutId: row.checkout_id,
		kind: row.kind,
		number: row.number,
		sequence: Number( row.sequence ),
		issuedAt: row.issued_at,
		currency: row.document.currency,
		total: row.document.totals.total,
		buyerName: row.document.buyer?.name ?? null,
	};
}

/**
 * The shop's next document number. The counter row stays locked until the caller's transaction ends,
 * so concurrent issuers (in any bridge process) take turns, and a transaction that rolls back gives
 * its number back: the series has no gaps and no repeats.
 */
export async function nextSequence(
	tx: Queryable,
	shopId: string
): Promise< number > {
	const rows = await tx.query< { last_sequence: string } >(
		`insert into invoice_counters (shop_id, last_sequence) values ($1, 1)
     on conflict (shop_id) do update set last_sequence = invoice_counters.last_sequence + 1
     returning last_sequence`,
		[ shopId ]
	);
	return Number( rows[ 0 ]!.last_sequence );
}

export async function insertInvoice(
	tx: Queryable,
	row: {
		id: string;
		shopId: string;
		checkoutId: string;
		document: InvoiceDocument;
	}
): Promise< void > {
	await tx.query(
		`insert into invoices (id, shop_id, checkout_id, kind, sequence, number, issued_at, document)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
		[
			row.id,
			row.shopId,
			row.checkoutId,
			row.document.kind,
			row.document.sequence,
			row.document.number,
			row.document.issuedAt,
			JSON.stringify( row.document ),
		]
	);
}

/** The document of a kind a checkout already has, if any (an invoice is issued once, as is its credit note). */
export async function documentOfCheckout(
	db: Queryable,
	checkoutId: string,
	kind: Invoice[ 'kind' ]
): Promise< InvoiceDocument | null > {
	const rows = await db.query< { document: InvoiceDocument } >(
		'select document from invoices where checkout_id = $1 and kind = $2',
		[ checkoutId, kind ]
	);
	return rows[ 0 ]?.document ?? null;
}

export async function findInvoice(
	db: Queryable,
	shopId: string,
	id: string
): Promise< { invoice: Invoice; document: InvoiceDocument } | null > {
	const rows = await db.query< InvoiceRow >(
		'select id, checkout_id, kind, sequence, number, issued_at, document from invoices where shop_id = $1 and id = $2',
		[ shopId, id ]
	);
	return rows[ 0 ]
		? { invoice: toInvoice( rows[ 0 ] ), document: rows[ 0 ].document }
		: null;
}

/** A shop's documents, newest number first; `before` continues after the last one seen. */
export async function listInvoices(
	db: Queryable,
	shopId: string,
	options: {
		limit: number;
		before?: number;
		checkoutId?: string;
		customerId?: string;
	}
): Promise< { items: Invoice[]; nextCursor: string | null } > {
	const params: unknown[] = [ shopId ];
	const where = [ 'shop_id = $1' ];
	if ( options.before !== undefined ) {
		params.push( options.before );
		where.push( `sequence < $${ params.length }` );
	}
	if ( options.checkoutId ) {
		params.push( options.checkoutId );
		where.push( `checkout_id = $${ params.length }` );
	}
	if ( options.customerId ) {
		params.push( options.customerId );
		where.push(
			`checkout_id in (select id from checkouts where shop_id = $1 and customer_id = $${ params.length })`
		);
	}
	params.push( options.limit + 1 );
	const rows = await db.query< InvoiceRow >(
		`select id, checkout_id, kind, sequence, number, issued_at, document from invoices
      where ${ where.join( ' and ' ) } order by sequence desc limit $${ params.length }`,
		params
	);
	const items = rows.slice( 0, options.limit ).map( toInvoice );
	return {
		items,
		nextCursor:
			rows.length > options.limit
				? String( items[ items.length - 1 ]!.sequence )
				: null,
	};
}

/** The stored PDF, if it was made already. */
export async function storedPdf(
	db: Queryable,
	shopId: string,
	id: string
): Promise< Buffer | null > {
	const rows = await db.query< { pdf: Uint8Array | null } >(
		'select pdf from invoices where shop_id = $1 and id = $2',
		[ shopId, id ]
	);
	const pdf = rows[ 0 ]?.pdf;
	return pdf ? Buffer.from( pdf ) : null;
}

/**
 * Keeps the first PDF made for a document and returns what is stored: when two requests render it at
 * once, both answer with the same bytes, and so does every later one.
 */
export async function keepPdf(
	db: Queryable,
	shopId: string,
	id: string,
	pdf: Buffer
): Promise< Buffer > {
	await db.query(
		'update invoices set pdf = $3 where shop_id = $1 and id = $2 and pdf is null',
		[ shopId, id, pdf ]
	);
	return ( await storedPdf( db, shopId, id ) ) ?? pdf;
}

/** What a checkout's documents are made from. */
export interface InvoiceSource {
	id: string;
	status: string;
	level: string;
	orderRef: string;
	currency: string;
	total: string;
	amountReceived: string | null;
	processorCheckoutId: string;
	billing: Record< string, string | undefined > | null;
	/** The request's items as the shop sent them (null for checkouts made before invoices). */
	lines: {
		lineItems: Array< {
			description: string;
			netAmount: string;
			quantity: number;
		} >;
		discountItems: Array< { description: string; netAmount: string } >;
		shippingItems: Array< {
			description: string;
			netAmount: string;
			taxable: boolean;
		} >;
		taxItems: Array< { name: string; percent: string } >;
		locale?: string;
	} | null;
	charge: {
		charge?: {
			lineItems?: Array< {
				description: string;
				netAmount: number;
				quantity?: number;
			} >;
			discountItems?: Array< { description: string; netAmount: number } >;
			shippingCostItems?: Array< {
				description: string;
				netAmount: number;
				taxable?: boolean;
			} >;
			taxItems?: Array< { name: string; percent: number } >;
		};
		checkoutLanguage?: string;
		settlementAsset?: string;
	};
}

export async function invoiceSourceOf(
	db: Queryable,
	checkoutId: string
): Promise< InvoiceSource | null > {
	const rows = await db.query< InvoiceSource >(
		`select id, status, level, order_ref as "orderRef", currency, total, amount_received as "amountReceived",
            processor_checkout_id as "processorCheckoutId", billing, lines, charge
       from checkouts where id = $1`,
		[ checkoutId ]
	);
	return rows[ 0 ] ?? null;
}

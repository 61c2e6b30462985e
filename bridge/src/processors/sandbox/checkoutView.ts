import Big from 'big.js';
import { actionsFrom } from './actions';
import { adjustmentTo, breakdownOf, type ChargeBreakdown } from './breakdown';
import { readCharge } from './charge';
import { escapeHtml, httpUrl } from './html';
import { formatMoney, formatPercent, formatQuantity } from './pageFormat';
import { PAGE_CSS } from './pageStyle';
import { PAGE_TEXT, type PageLanguage, type PageText } from './pageText';
import type { SandboxCheckout } from './store';

/**
 * One row of the breakdown. Only items have a quantity and a unit price; other lines let their label
 * run across those columns, which keeps them readable on a phone.
 */
function row(
	kind: string,
	label: string,
	amount: string,
	item?: { quantity: string; unit: string }
): string {
	const cells = item
		? `<th scope="row">${ escapeHtml( label ) }</th><td class="num">${ escapeHtml( item.quantity ) }</td><td class="num">${ escapeHtml( item.unit ) }</td>`
		: `<th scope="row" colspan="3">${ escapeHtml( label ) }</th>`;
	return `<tr data-line="${ kind }">${ cells }<td class="num">${ escapeHtml( amount ) }</td></tr>`;
}

function breakdownTable(
	t: PageText,
	breakdown: ChargeBreakdown | null,
	charged: Big,
	currency: string,
	decimals: number
): string {
	const money = ( amount: Big ) =>
		formatMoney( t.locale, amount, currency, decimals );
	const rows: string[] = [];
	if ( breakdown ) {
		for ( const i of breakdown.items )
			rows.push(
				row( 'item', i.description, money( i.amount ), {
					quantity: formatQuantity( t.locale, i.quantity ),
					unit: money( i.unit ),
				} )
			);
		for ( const d of breakdown.discounts )
			rows.push(
				row(
					'discount',
					t.discount( d.description ),
					money( d.amount.neg() )
				)
			);
		for ( const s of breakdown.shipping )
			rows.push(
				row(
					'shipping',
					t.shipping( s.description ),
					money( s.amount )
				)
			);
		for ( const x of breakdown.taxes )
			rows.push(
				row(
					'tax',
					t.tax( x.name, formatPercent( t.locale, x.percent ) ),
					money( x.amount )
				)
			);
		const adjustment = adjustmentTo( breakdown, charged );
		if ( ! adjustment.eq( 0 ) )
			rows.push( row( 'adjustment', t.adjustment, money( adjustment ) ) );
	}
	const { columns } = t;
	return `<table aria-labelledby="summary-heading"><thead><tr><th scope="col">${ escapeHtml( columns.item ) }</th><th scope="col" class="num">${ escapeHtml( columns.quantity ) }</th><th scope="col" class="num">${ escapeHtml( columns.unitPrice ) }</th><th scope="col" class="num">${ escapeHtml( columns.amount ) }</th></tr></thead>
<tbody>${ rows.join( '\n' ) }</tbody>
<tfoot><tr data-line="total"><th scope="row" colspan="3">${ escapeHtml( t.total ) }</th><td class="num">${ escapeHtml( money( charged ) ) }</td></tr></tfoot></table>`;
}

/** "First Last <email>", leaving out what the customer record does not have. */
function customerLine(
	t: PageText,
	customer: Record< string, string > | null
): string {
	if ( ! customer ) return t.noCustomer;
	const name = [ customer.firstname, customer.lastname ]
		.filter( Boolean )
		.join( ' ' );
	const email = customer.email ? `<${ customer.email }>` : '';
	return t.customer( [ name, email ].filter( Boolean ).join( ' ' ) );
}

/**
 * The hosted test-checkout page, in the checkout's language: what is being paid for line by line, a
 * way back to the shop, and the payer's (and merchant's) outcomes. `data-testid="total"` keeps the
 * processor's own figure ("15.00 EUR") for scripts; people read the localised amounts.
 */
export function renderCheckout(
	checkout: SandboxCheckout,
	customer: Record< string, string > | null,
	language: PageLanguage
): string {
	const t = PAGE_TEXT[ language ];
	const body = checkout.body;
	const raw = ( body.charge ?? {} ) as Record< string, unknown >;
	const rawCurrency = String( raw.billingCurrency ?? raw.currency ?? '' );
	const read = readCharge( body.charge ).charge;
	const breakdown = read ? breakdownOf( read ) : null;
	const currency = breakdown?.currency ?? rawCurrency.toUpperCase();
	const decimals = breakdown?.decimals ?? 2;
	const charged = new Big( checkout.total );
	const total = formatMoney( t.locale, charged, currency, decimals );
	const pages = ( body.pageSettings ?? {} ) as Record< string, unknown >;
	const shopName = typeof pages.shopName === 'string' ? pages.shopName : '';
	// The processor's page leads back to where the shop said a payer who gives up should go.
	const back = httpUrl( pages.cancelUrl ) ?? httpUrl( pages.returnUrl );
	const actions = actionsFrom( checkout.state );
	const buttons = actions.length
		? `<div class="actions" role="group" aria-labelledby="outcomes-heading">${ actions
				.map(
					( name ) =>
						`<form method="post" action="/sandbox/checkout/${ encodeURIComponent( checkout.id ) }/${ name }"><button type="submit" name="action" value="${ name }">${ escapeHtml( t.actions[ name ] ) }</button></form>`
				)
				.join( '' ) }</div>`
		: `<p>${ escapeHtml( t.noOutcomes ) }</p>`;
	return layout(
		language,
		t.heading( total ),
		`${ shopName ? `<p class="shop">${ escapeHtml( t.payee( shopName ) ) }</p>` : '' }
<h1>${ escapeHtml( t.heading( total ) ) }</h1>
${ back ? `<p><a class="back" href="${ escapeHtml( back ) }"><span aria-hidden="true">← </span>${ escapeHtml( t.backToShop ) }</a></p>` : '' }
<h2 id="summary-heading">${ escapeHtml( t.summaryHeading ) }</h2>
${ breakdownTable( t, breakdown, charged, currency, decimals ) }
<p>${ escapeHtml( t.chargedAs ) } <strong data-testid="total">${ escapeHtml( checkout.total ) } ${ escapeHtml( rawCurrency ) }</strong></p>
<p>${ escapeHtml( customerLine( t, customer ) ) }</p>
<p>${ escapeHtml( t.stateLabel ) } <strong data-testid="state" data-state="${ escapeHtml( checkout.state ) }">${ escapeHtml( t.stages[ checkout.state ] ?? checkout.state ) }</strong></p>
<h2 id="outcomes-heading">${ escapeHtml( t.outcomesHeading ) }</h2>
<p>${ escapeHtml( t.outcomesIntro ) }</p>
${ buttons }`
	);
}

/** A page with nothing but a heading and a sentence (an unknown checkout or action). */
export function renderMessage(
	language: PageLanguage,
	message: { title: string; body: string }
): string {
	return layout(
		language,
		message.title,
		`<h1>${ escapeHtml( message.title ) }</h1><p>${ escapeHtml( message.body ) }</p>`
	);
}

function layout( language: PageLanguage, title: string, body: string ): string {
	return `<!doctype html><html lang="${ language }"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>SANDBOX · ${ escapeHtml( title ) }</title>
<style>${ PAGE_CSS }</style></head>
<body><main><div class="banner" role="note">${ escapeHtml( PAGE_TEXT[ language ].banner ) }</div>
${ body }</main></body></html>`;
}

import path from 'node:path';
import Big from 'big.js';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from '../../contract';
import { countryName, formatDay, formatMoney, formatPercent } from './format';
import { LABELS } from './labels';

// DejaVu Sans covers the Latin, Greek and Cyrillic alphabets ("Łukasz Øster"); embedded as a subset.
const FONTS = path.dirname(
	require.resolve( 'dejavu-fonts-ttf/package.json' )
);
const REGULAR = path.join( FONTS, 'ttf', 'DejaVuSans.ttf' );
const BOLD = path.join( FONTS, 'ttf', 'DejaVuSans-Bold.ttf' );

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4
const BOTTOM = 841.89 - 70;
// Table columns: description, quantity, unit price, amount.
const COLUMNS = [ 0, 270, 320, 410 ] as const;
const COLUMN_WIDTHS = [ 260, 45, 85, WIDTH - 410 ] as const;

/**
 * The document as a PDF an accountant accepts: who sells and who buys, the number and date, every
 * line, discount, shipping cost and tax rate, the totals and the payment. The same document always
 * renders to the same bytes (its dates are the document's, not the clock's), and the first PDF made is
 * kept (`keepPdf`), so a later library change cannot alter an issued invoice.
 */
export function renderPdf( doc: InvoiceDocument ): Promise< Buffer > {
	const t = LABELS[ doc.language ];
	const money = ( amount: string ) =>
		formatMoney( amount, doc.currency, doc.language );
	// Without a buyer (level none) an invoice is a receipt.
	const invoiceTitle = doc.buyer ? t.invoice : t.receipt;
	const title = doc.kind === 'credit_note' ? t.creditNote : invoiceTitle;
	const issued = new Date( doc.issuedAt );
	const pdf = new PDFDocument( {
		size: 'A4',
		margin: MARGIN,
		bufferPages: true,
		info: {
			Title: `${ title } ${ doc.number }`,
			Author: doc.seller.name,
			CreationDate: issued,
			ModDate: issued,
		},
		lang: doc.language,
	} );
	const chunks: Buffer[] = [];
	pdf.on( 'data', ( chunk: Buffer ) => chunks.push( chunk ) );
	const done = new Promise< Buffer >( ( resolve, reject ) => {
		pdf.on( 'end', () => resolve( Buffer.concat( chunks ) ) );
		pdf.on( 'error', reject );
	} );
	pdf.registerFont( 'regular', REGULAR );
	pdf.registerFont( 'bold', BOLD );

	let y = MARGIN;
	const room = ( height: number ) => {
		if ( y + height > BOTTOM ) {
			pdf.addPage();
			y = MARGIN;
		}
	};
	const text = (
		value: string,
		x: number,
		width: number,
		options: {
			bold?: boolean;
			size?: number;
			align?: 'left' | 'right';
		} = {}
	) => {
		pdf.font( options.bold ? 'bold' : 'regular' ).fontSize(
			options.size ?? 9.5
		);
		pdf.text( value, MARGIN + x, y, {
			width,
			align: options.align ?? 'left',
		} );
		return pdf.heightOfString( value, { width } );
	};
	const block = ( lines: string[], x: number, width: number ) =>
		lines.reduce( ( h, line ) => {
			const used = text( line, x, width );
			y += used;
			return h + used;
		}, 0 );

	// Seller (left) and the document's facts (right).
	const top = y;
	text( doc.seller.name, 0, 280, { bold: true, size: 11 } );
	y += 16;
	block(
		[
			...doc.seller.address.split( /\r?\n/ ).filter( Boolean ),
			...( doc.seller.taxId
				? [ `${ t.taxId }: ${ doc.seller.taxId }` ]
				: [] ),
			...( doc.seller.email ? [ doc.seller.email ] : [] ),
		],
		0,
		280
	);
	const leftEnd = y;
	y = top;
	text( title, 300, WIDTH - 300, { bold: true, size: 18, align: 'right' } );
	y += 28;
	const facts: [ string, string ][] = [
		[ t.number, doc.number ],
		[ t.date, formatDay( doc.issuedAt, doc.language ) ],
		[ t.orderRef, doc.orderRef ],
		...( doc.corrects
			? [
					[
						t.corrects,
						`${ doc.corrects.number } ${ t.of } ${ formatDay( doc.corrects.issuedAt, doc.language ) }`,
					] as [ string, string ],
				]
			: [] ),
	];
	for ( const [ label, value ] of facts ) {
		text( label, 300, 90 );
		y += text( value, 390, WIDTH - 390, { align: 'right' } );
	}
	y = Math.max( leftEnd, y ) + 20;

	if ( doc.buyer ) {
		text( t.buyer, 0, 280, { bold: true } );
		y += 14;
		block(
			[
				...( doc.buyer.company ? [ doc.buyer.company ] : [] ),
				...( doc.buyer.name ? [ doc.buyer.name ] : [] ),
				...doc.buyer.addressLines,
				...( doc.buyer.countryCode
					? [ countryName( doc.buyer.countryCode, doc.language ) ]
					: [] ),
				...( doc.buyer.taxId
					? [ `${ t.taxId }: ${ doc.buyer.taxId }` ]
					: [] ),
				...( doc.buyer.email ? [ doc.buyer.email ] : [] ),
			],
			0,
			280
		);
		y += 20;
	}

	// The lines.
	const row = ( cells: string[], bold = false ) => {
		const heights = cells.map( ( cell, i ) =>
			pdf
				.font( bold ? 'bold' : 'regular' )
				.fontSize( 9.5 )
				.heightOfString( cell, { width: COLUMN_WIDTHS[ i ]! } )
		);
		room( Math.max( ...heights ) + 6 );
		cells.forEach( ( cell, i ) =>
			text( cell, COLUMNS[ i ]!, COLUMN_WIDTHS[ i ]!, {
				bold,
				align: i === 0 ? 'left' : 'right',
			} )
		);
		y += Math.max( ...heights ) + 6;
	};
	const rule = () => {
		pdf.moveTo( MARGIN, y - 3 )
			.lineTo( MARGIN + WIDTH, y - 3 )
			.lineWidth( 0.5 )
			.stroke( '#888888' );
	};
	row( [ t.description, t.quantity, t.unitNet, t.net ], true );
	rule();
	for ( const line of doc.lines )
		row( [
			line.description,
			String( line.quantity ),
			money( line.unitNet ),
			money( line.net ),
		] );
	for ( const discount of doc.discounts )
		row( [
			`${ t.discount }: ${ discount.description }`,
			'',
			'',
			// A discount takes away: shown with the opposite sign of its net.
			money( new Big( discount.net ).times( -1 ).toFixed() ),
		] );
	for ( const shipping of doc.shipping )
		row( [
			`${ t.shipping }: ${ shipping.description }`,
			'',
			'',
			money( shipping.net ),
		] );
	y += 6;
	rule();

	// The totals, right-aligned under the amounts.
	const total = ( label: string, value: string, bold = false ) => {
		room( 16 );
		text( label, 200, 210, { bold, align: 'right' } );
		text( value, COLUMNS[ 3 ], COLUMN_WIDTHS[ 3 ], {
			bold,
			align: 'right',
		} );
		y += 15;
	};
	// Net: the lines less discounts plus shipping, which is the total less its taxes.
	total(
		t.subtotal,
		money( new Big( doc.totals.total ).minus( doc.totals.tax ).toFixed() )
	);
	for ( const tax of doc.taxes )
		total(
			`${ tax.name } ${ formatPercent( tax.percent, doc.language ) } ${ t.tax } ${ money( tax.base ) }`,
			money( tax.amount )
		);
	total( t.total, money( doc.totals.total ), true );
	if ( ! doc.taxes.length ) {
		y += 4;
		room( 14 );
		y += text( t.noTax, 0, WIDTH );
	}
	y += 16;

	// The payment.
	room( 80 );
	text( t.payment, 0, WIDTH, { bold: true } );
	y += 14;
	block(
		[
			doc.kind === 'credit_note' ? t.refunded : t.paidWith,
			`${ t.processorCheckout }: ${ doc.payment.processorCheckoutId }`,
			`${ t.paidAt }: ${ formatDay( doc.payment.paidAt, doc.language ) }`,
			`${ t.received }: ${ money( doc.payment.received ) }`,
			...( doc.payment.settlementAsset
				? [ `${ t.settledIn }: ${ doc.payment.settlementAsset }` ]
				: [] ),
		],
		0,
		WIDTH
	);

	// Page numbers, once every page exists.
	const range = pdf.bufferedPageRange();
	for ( let i = 0; i < range.count; i++ ) {
		pdf.switchToPage( range.start + i );
		// Below the bottom margin: without this, writing there would start a new page.
		pdf.page.margins.bottom = 0;
		pdf.font( 'regular' )
			.fontSize( 8 )
			.text(
				`${ doc.number } · ${ t.page } ${ i + 1 }/${ range.count }`,
				MARGIN,
				841.89 - 45,
				{ width: WIDTH, align: 'right', lineBreak: false }
			);
	}
	pdf.end();
	return done;
}

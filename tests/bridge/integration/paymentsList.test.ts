import { checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

// The merchant's payments list: search, date range, counts per status and CSV, all under one filter.
let t: TestBridge;
let shop: TestShop;
let other: TestShop;
const made: Record< string, { id: string; processorCheckoutId: string } > = {};

async function checkout(
	on: TestShop,
	name: string,
	orderRef: string,
	email: string
) {
	const res = await on.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			orderRef,
			customer: { firstName: name, lastName: 'Test', email },
		} ),
		idem()
	);
	expect( res.status ).toBe( 201 );
	return res.body.checkout as { id: string; processorCheckoutId: string };
}

const items = async ( query: string, on = shop ) => {
	const res = await on.api( 'GET', `/v1/checkouts?${ query }` );
	expect( res.status ).toBe( 200 );
	return ( res.body.items as Array< { orderRef: string } > )
		.map( ( c ) => c.orderRef )
		.sort();
};

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop();
	other = await t.addShop();
	made.a = await checkout( shop, 'Ann', 'wc-1001', 'ann@shop.example' );
	made.b = await checkout( shop, 'Ben', 'wc-1002', 'ben@other.example' );
	made.c = await checkout( shop, 'Cid', 'wp-7-abc', 'Cid@Shop.example' );
	made.pct = await checkout( shop, 'Pat', 'promo_100%', 'pat@x.example' );
	await checkout( other, 'Ann', 'wc-1001', 'ann@shop.example' );
	// Ben's is paid, and a week old.
	await t.bridge.ctx.db.query(
		`update checkouts set status = 'completed', created_at = now() - interval '7 days' where id = $1`,
		[ made.b.id ]
	);
} );
afterAll( () => t.close() );

it( 'finds payments by the start of an order reference or an email, whatever the case', async () => {
	expect( await items( 'search=wc-100' ) ).toEqual( [
		'wc-1001',
		'wc-1002',
	] );
	expect( await items( 'search=WC-1001' ) ).toEqual( [ 'wc-1001' ] );
	expect( await items( 'search=cid@shop' ) ).toEqual( [ 'wp-7-abc' ] );
	expect( await items( 'search=BEN@OTHER.EXAMPLE' ) ).toEqual( [
		'wc-1002',
	] );
	expect( await items( 'search=nobody' ) ).toEqual( [] );
} );

it( "finds a payment by its bridge id or its processor's checkout id", async () => {
	expect( await items( `search=${ made.c!.id.toUpperCase() }` ) ).toEqual( [
		'wp-7-abc',
	] );
	expect( await items( `search=${ made.a!.processorCheckoutId }` ) ).toEqual(
		[ 'wc-1001' ]
	);
} );

it( 'takes the search as text: wildcards match only themselves', async () => {
	expect( await items( 'search=%25' ) ).toEqual( [] );
	expect( await items( 'search=_' ) ).toEqual( [] );
	expect( await items( 'search=promo_100%25' ) ).toEqual( [ 'promo_100%' ] );
} );

it( 'narrows by creation date, and says which date is malformed', async () => {
	const dayAgo = new Date( Date.now() - 86_400_000 ).toISOString();
	expect(
		await items( `createdFrom=${ encodeURIComponent( dayAgo ) }` )
	).toEqual( [ 'promo_100%', 'wc-1001', 'wp-7-abc' ] );
	expect(
		await items( `createdTo=${ encodeURIComponent( dayAgo ) }` )
	).toEqual( [ 'wc-1002' ] );
	const bad = await shop.api(
		'GET',
		'/v1/checkouts?createdFrom=yesterday&createdTo=2026-13-45'
	);
	expect( bad.status ).toBe( 400 );
	expect( Object.keys( bad.body.error.fields ).sort() ).toEqual( [
		'createdFrom',
		'createdTo',
	] );
} );

it( 'counts each status under the other filters, for this shop only', async () => {
	const all = ( await shop.api( 'GET', '/v1/checkouts/counts' ) ).body.counts;
	expect( all ).toMatchObject( { open: 3, completed: 1, expired: 0 } );
	const searched = (
		await shop.api(
			'GET',
			'/v1/checkouts/counts?search=wc-&status=completed'
		)
	).body.counts;
	// The status filter is what the tabs choose between: it does not narrow the counts.
	expect( searched ).toMatchObject( { open: 1, completed: 1 } );
} );

it( 'exports the filtered payments as CSV with a byte order mark and the customer', async () => {
	const res = await shop.api(
		'GET',
		'/v1/checkouts/export.csv?search=wc-&status=open'
	);
	expect( res.status ).toBe( 200 );
	expect( res.headers.get( 'content-type' ) ).toMatch( /text\/csv/ );
	const body = res.body as string;
	expect( body.startsWith( '\uFEFF' ) ).toBe( true );
	const lines = body.slice( 1 ).trim().split( '\r\n' );
	expect( lines[ 0 ] ).toBe(
		'id,createdAt,status,total,amountReceived,currency,orderRef,level,processor,processorCheckoutId,customerId,customerName,customerEmail,updatedAt'
	);
	expect( lines ).toHaveLength( 2 );
	expect( lines[ 1 ] ).toContain( ',open,64.97,,EUR,wc-1001,' );
	expect( lines[ 1 ] ).toContain( ',Ann Test,ann@shop.example,' );
} );

import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { reconcileOpenCheckouts } from '../../../bridge/src/domain/checkouts/reconcile';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import { startEventReceiver } from '../support/eventReceiver';
import {
	eventually,
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let shop: TestShop;
let receiver: Awaited< ReturnType< typeof startEventReceiver > >;

beforeAll( async () => {
	t = await startTestBridge();
	receiver = await startEventReceiver( () => shop.secret );
	shop = await t.addShop( { eventUrl: receiver.url } );
} );
afterAll( async () => {
	await t.close();
	await receiver.close();
} );

async function openCheckout(
	email = `buyer-${ Math.random().toString( 36 ).slice( 2 ) }@example.com`
) {
	const res = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( { customer: { ...alice, email } } ),
		idem()
	);
	expect( res.status ).toBe( 201 );
	return res.body.checkout as {
		id: string;
		url: string;
		processorCheckoutId: string;
	};
}

/** What the payer does on the hosted page: a form post, answered with a redirect. */
async function payerChooses( url: string, action: string ) {
	const res = await fetch( `${ url }/${ action }`, {
		method: 'POST',
		redirect: 'manual',
	} );
	expect( res.status ).toBe( 303 );
	return res.headers.get( 'location' );
}

const status = async ( id: string ) =>
	( await shop.api( 'GET', `/v1/checkouts/${ id }` ) ).body.checkout
		.status as string;
const eventsFor = ( id: string ) =>
	receiver.events.filter( ( e ) => e.data.checkout?.id === id );

async function webhook( payload: unknown, secret?: string ) {
	const body = JSON.stringify( payload );
	const apiSecret =
		secret ??
		(
			await t.bridge.ctx.db.query< { api_secret: string } >(
				'select a.api_secret from sandbox_accounts a join shops s on s.processor_api_key = a.api_key where s.id = $1',
				[ shop.id ]
			)
		)[ 0 ]!.api_secret;
	const res = await fetch( `${ t.url }/processor-webhooks/${ shop.id }`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-webhook-auth': createHash( 'sha256' )
				.update( apiSecret + body )
				.digest( 'hex' ),
		},
		body,
	} );
	return { status: res.status, body: ( await res.json() ) as any };
}

it( 'pay in full: the sandbox webhook completes the checkout and the shop gets a signed checkout.completed', async () => {
	const checkout = await openCheckout();
	expect( await payerChooses( checkout.url, 'pay' ) ).toBe(
		'https://shop.example/return'
	);
	await eventually(
		async () => ( await status( checkout.id ) ) === 'completed'
	);
	const [ event ] = await eventually(
		async () =>
			eventsFor( checkout.id ).length === 1 && eventsFor( checkout.id )
	);
	expect( event ).toMatchObject( {
		type: 'checkout.completed',
		signatureValid: true,
		data: {
			checkout: { id: checkout.id, status: 'completed', total: '64.97' },
		},
	} );
	const history = (
		await shop.api( 'GET', `/v1/checkouts/${ checkout.id }` )
	).body.history.map( ( h: any ) => [ h.status, h.source ] );
	expect( history ).toEqual( [
		[ 'open', 'bridge' ],
		[ 'completed', 'processor' ],
	] );
	const audit = (
		await shop.api( 'GET', `/v1/checkouts/${ checkout.id }/audit` )
	).body.entries.map( ( e: any ) => e.action );
	expect( audit ).toContain( 'webhook CHECKOUT_COMPLETED' );
} );

it( 'a webhook delivered twice changes state once and sends one event', async () => {
	const checkout = await openCheckout();
	const payload = {
		eventType: 'CHECKOUT_COMPLETED',
		data: {
			checkout: { id: checkout.processorCheckoutId, state: 'COMPLETED' },
		},
	};
	const [ first, second ] = [
		await webhook( payload ),
		await webhook( payload ),
	];
	expect( first.body.outcome ).toBe( 'applied' );
	expect( second.body.outcome ).toBe( 'duplicate' );
	const both = await Promise.all( [
		webhook( payload ),
		webhook( payload ),
	] );
	expect( both.map( ( b ) => b.body.outcome ) ).toEqual( [
		'duplicate',
		'duplicate',
	] );
	expect(
		( await shop.api( 'GET', `/v1/checkouts/${ checkout.id }` ) ).body
			.history
	).toHaveLength( 2 );
	await eventually( async () => eventsFor( checkout.id ).length === 1 );
	await new Promise( ( r ) => setTimeout( r, 200 ) );
	expect( eventsFor( checkout.id ) ).toHaveLength( 1 );
} );

it( 'out of order: an underpaid event after completion changes nothing', async () => {
	const checkout = await openCheckout();
	await webhook( {
		eventType: 'CHECKOUT_COMPLETED',
		data: { checkout: { id: checkout.processorCheckoutId } },
	} );
	const late = await webhook( {
		eventType: 'CHECKOUT_UNDERPAID',
		data: { checkout: { id: checkout.processorCheckoutId } },
	} );
	expect( late.body.outcome ).toBe( 'ignored' );
	expect( await status( checkout.id ) ).toBe( 'completed' );
} );

it( 'a webhook with a bad hash → 401 and nothing changes; unknown checkouts → 404', async () => {
	const checkout = await openCheckout();
	const payload = {
		eventType: 'CHECKOUT_COMPLETED',
		data: { checkout: { id: checkout.processorCheckoutId } },
	};
	const bad = await webhook( payload, 'not-the-secret-of-this-shop!!' );
	expect( [ bad.status, bad.body.error.code ] ).toEqual( [
		401,
		'webhook_signature_invalid',
	] );
	const missingHeader = await fetch(
		`${ t.url }/processor-webhooks/${ shop.id }`,
		{
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify( payload ),
		}
	);
	expect( missingHeader.status ).toBe( 401 );
	expect( await status( checkout.id ) ).toBe( 'open' );
	const unknown = await webhook( {
		eventType: 'CHECKOUT_COMPLETED',
		data: { checkout: { id: 'NOSUCHCHECKO' } },
	} );
	expect( unknown.status ).toBe( 404 );
	// Events the bridge does not act on are recorded and acknowledged, so the processor stops retrying them.
	const nonsense = await webhook( { eventType: 'SOMETHING_ELSE', data: {} } );
	expect( [ nonsense.status, nonsense.body.outcome ] ).toEqual( [
		200,
		'ignored',
	] );
	expect( await status( checkout.id ) ).toBe( 'open' );
} );

it( 'underpay, then the merchant accepts, then refunds: each step once, in order', async () => {
	const checkout = await openCheckout();
	await payerChooses( checkout.url, 'underpay' );
	await eventually(
		async () => ( await status( checkout.id ) ) === 'underpaid'
	);
	await payerChooses( checkout.url, 'accept-underpayment' );
	await eventually(
		async () => ( await status( checkout.id ) ) === 'underpaid_accepted'
	);
	await payerChooses( checkout.url, 'refund' );
	await eventually(
		async () => ( await status( checkout.id ) ) === 'refunded'
	);
	await eventually( async () => eventsFor( checkout.id ).length === 3 );
	expect( eventsFor( checkout.id ).map( ( e ) => e.type ) ).toEqual( [
		'checkout.underpaid',
		'checkout.underpaid_accepted',
		'checkout.refunded',
	] );
	// The accepted underpayment issued an invoice, the refund its credit note: each event names its own.
	expect(
		eventsFor( checkout.id ).map( ( e ) => e.data.invoice?.kind ?? null )
	).toEqual( [ null, 'invoice', 'credit_note' ] );
} );

it( 'let it expire: reconciliation learns it from the processor; a payment after expiry is recorded as late and reported', async () => {
	const checkout = await openCheckout();
	expect( await payerChooses( checkout.url, 'expire' ) ).toBe(
		'https://shop.example/cancel'
	);
	expect( await status( checkout.id ) ).toBe( 'open' );
	await reconcileOpenCheckouts( t.bridge.ctx );
	expect( await status( checkout.id ) ).toBe( 'expired' );
	await eventually( async () =>
		eventsFor( checkout.id ).some( ( e ) => e.type === 'checkout.expired' )
	);
	const late = await webhook( {
		eventType: 'CHECKOUT_COMPLETED',
		data: { checkout: { id: checkout.processorCheckoutId } },
	} );
	expect( late.body.outcome ).toBe( 'applied' );
	expect( await status( checkout.id ) ).toBe( 'completed' );
	const details = await shop.api( 'GET', `/v1/checkouts/${ checkout.id }` );
	expect(
		details.body.history.map( ( h: { status: string } ) => h.status )
	).toEqual( [ 'open', 'expired', 'completed' ] );
	expect( details.body.history.at( -1 ).note ).toMatch(
		/paid after the checkout had expired/
	);
	const event = await eventually( async () =>
		eventsFor( checkout.id ).find(
			( e ) => e.type === 'checkout.completed'
		)
	);
	expect( event.data.late ).toBe( true );
	// A redelivery of the same late event changes nothing more.
	expect(
		(
			await webhook( {
				eventType: 'CHECKOUT_COMPLETED',
				data: { checkout: { id: checkout.processorCheckoutId } },
			} )
		).body.outcome
	).toBe( 'duplicate' );
} );

it( 'a lost webhook is made good when the shop asks for a refresh', async () => {
	const checkout = await openCheckout();
	await t.bridge.ctx.db.query(
		`update sandbox_checkouts set state = 'paid' where id = $1`,
		[ checkout.processorCheckoutId ]
	);
	const res = await shop.api(
		'GET',
		`/v1/checkouts/${ checkout.id }?refresh=1`
	);
	expect( res.body.checkout.status ).toBe( 'completed' );
	expect( res.body.history.at( -1 ) ).toMatchObject( {
		status: 'completed',
		source: 'reconciliation',
	} );
} );

it( 'retries delivery with backoff until the shop answers 2xx', async () => {
	receiver.fail( 500 );
	const checkout = await openCheckout();
	await webhook( {
		eventType: 'CHECKOUT_COMPLETED',
		data: { checkout: { id: checkout.processorCheckoutId } },
	} );
	const row = await eventually( async () => {
		const r = (
			await t.bridge.ctx.db.query< {
				attempts: number;
				last_error: string;
			} >(
				`select attempts, last_error from outbox where payload->'data'->'checkout'->>'id' = $1`,
				[ checkout.id ]
			)
		)[ 0 ];
		return r && r.attempts >= 2 && r;
	} );
	expect( row.last_error ).toBe( 'HTTP 500' );
	receiver.fail( null );
	await eventually( async () => eventsFor( checkout.id ).length === 1 );
	expect( eventsFor( checkout.id )[ 0 ]!.signatureValid ).toBe( true );
} );

it( 'an event pending when the bridge stops is delivered after it restarts', async () => {
	const port = await new Promise< number >( ( resolve ) => {
		const probe = createServer().listen( 0, '127.0.0.1', () => {
			const p = ( probe.address() as { port: number } ).port;
			probe.close( () => resolve( p ) );
		} );
	} );
	const late = `http://127.0.0.1:${ port }/events`;
	const other = await t.addShop( { eventUrl: late } );
	const created = await other.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest(),
		idem()
	);
	const apiSecret = (
		await t.bridge.ctx.db.query< { api_secret: string } >(
			'select a.api_secret from sandbox_accounts a join shops s on s.processor_api_key = a.api_key where s.id = $1',
			[ other.id ]
		)
	)[ 0 ]!.api_secret;
	const body = JSON.stringify( {
		eventType: 'CHECKOUT_COMPLETED',
		data: { checkout: { id: created.body.checkout.processorCheckoutId } },
	} );
	await fetch( `${ t.url }/processor-webhooks/${ other.id }`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-webhook-auth': createHash( 'sha256' )
				.update( apiSecret + body )
				.digest( 'hex' ),
		},
		body,
	} );
	await eventually(
		async () =>
			(
				await t.bridge.ctx.db.query(
					`select 1 from outbox where shop_id = $1 and attempts >= 1 and delivered_at is null`,
					[ other.id ]
				)
			).length === 1
	);

	await t.bridge.stop();
	const shopReceiver = await startEventReceiver( () => other.secret, port );
	try {
		await t.restart();
		const [ event ] = await eventually(
			async () => shopReceiver.events.length > 0 && shopReceiver.events
		);
		expect( event ).toMatchObject( {
			type: 'checkout.completed',
			signatureValid: true,
			data: { checkout: { id: created.body.checkout.id } },
		} );
		await eventually(
			async () =>
				(
					await t.bridge.ctx.db.query(
						`select 1 from outbox where shop_id = $1 and delivered_at is not null`,
						[ other.id ]
					)
				).length === 1
		);
	} finally {
		await shopReceiver.close();
	}
} );

import pg from 'pg';
import { usingPostgres } from '../support/database';
import { startTestBridge, type TestBridge } from '../support/harness';

let t: TestBridge;
beforeAll( async () => {
	t = await startTestBridge();
} );
afterAll( () => t.close() );

it( 'is live, and ready when the database and the processor answer', async () => {
	expect(
		await fetch( `${ t.url }/health/live` ).then( ( r ) => r.json() )
	).toEqual( { status: 'ok' } );
	const ready = await fetch( `${ t.url }/health/ready` );
	expect( ready.status ).toBe( 200 );
	expect( await ready.json() ).toEqual( {
		status: 'ready',
		checks: { database: true, sandboxProcessor: true },
		pendingEvents: 0,
	} );
} );

it( 'stays ready but says "degraded" when a live shop\'s processor is unreachable (every replica shares it)', async () => {
	await t.restart( { WHALESTACK_API_URL: 'http://127.0.0.1:9/api/v1' } );
	await t.addShop( {
		processor: {
			kind: 'whalestack',
			apiKey: 'K'.repeat( 12 ),
			apiSecret: 'S'.repeat( 29 ),
		},
	} );
	const ready = await fetch( `${ t.url }/health/ready` );
	expect( ready.status ).toBe( 200 );
	expect( await ready.json() ).toMatchObject( {
		status: 'degraded',
		checks: { database: true, sandboxProcessor: true, whalestack: false },
	} );
} );

// PostgreSQL only: PGlite has no server to end connections.
( usingPostgres ? it : it.skip )(
	'keeps serving when PostgreSQL ends its idle connections (a restart, an administrator)',
	async () => {
		const shop = await t.addShop();
		expect( ( await shop.api( 'GET', '/v1/customers' ) ).status ).toBe(
			200
		);
		const admin = new pg.Client( { connectionString: t.env.DATABASE_URL } );
		await admin.connect();
		const ended = await admin.query(
			'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'
		);
		await admin.end();
		expect( ended.rowCount ).toBeGreaterThan( 0 );
		await new Promise( ( r ) => setTimeout( r, 100 ) );
		expect( ( await shop.api( 'GET', '/v1/customers' ) ).status ).toBe(
			200
		);
		expect(
			(
				( await (
					await fetch( `${ t.url }/health/ready` )
				).json() ) as { checks: { database: boolean } }
			 ).checks.database
		).toBe( true );
	}
);

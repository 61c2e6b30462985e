import { customerExportBatches } from '../../../bridge/src/store/customerExport';
import { aliceCompliant, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

/** The CSV export reads text columns in keyset batches; what it writes is what the API shows. */

let t: TestBridge;
let shop: TestShop;

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop();
	for ( const [ firstName, extra ] of [
		[ 'Ada', { meta: { crmId: '42', tier: 'gold' } } ],
		[ 'Grace', { taxId: '=HYPERLINK()', company: 'Navy, "Yard"' } ],
		[ 'Alan', { phone: '+44 20 1234', note: 'line one\nline two' } ],
	] as const ) {
		const res = await shop.api(
			'POST',
			'/v1/customers',
			{
				level: 'compliant',
				customer: {
					...aliceCompliant,
					firstName,
					email: `${ firstName.toLowerCase() }@example.com`,
					...extra,
				},
			},
			idem()
		);
		expect( res.status ).toBe( 201 );
	}
	const alan = await shop.api( 'GET', '/v1/customers?q=alan' );
	await shop.api( 'DELETE', `/v1/customers/${ alan.body.items[ 0 ].id }` );
	// Rows that share a creation time to the microsecond, and one with no fraction at all.
	await t.bridge.ctx.db.query(
		`insert into customers (id, shop_id, email, email_key, level, created_at)
     select gen_random_uuid(), $1, 'same' || g || '@example.com', 'same' || g || '@example.com', 'minimal',
            case when g = 5 then '2024-01-02 03:04:05+00'::timestamptz else '2024-01-02 03:04:05.123456+00'::timestamptz end
       from generate_series(1, 5) as g`,
		[ shop.id ]
	);
} );
afterAll( () => t.close() );

/** A CSV line's cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv( text: string ): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for ( let i = 0; i < text.length; i++ ) {
		const c = text[ i ]!;
		if ( quoted ) {
			if ( c === '"' && text[ i + 1 ] === '"' ) {
				cell += '"';
				i++;
			} else if ( c === '"' ) quoted = false;
			else cell += c;
		} else if ( c === '"' ) quoted = true;
		else if ( c === ',' ) {
			row.push( cell );
			cell = '';
		} else if ( c === '\r' && text[ i + 1 ] === '\n' ) {
			row.push( cell );
			rows.push( row );
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

it( 'writes what the API shows: ISO times in UTC, compact meta, quoting and the formula guard', async () => {
	const res = await shop.api( 'GET', '/v1/customers/export.csv' );
	const text = res.body as string;
	expect( text.startsWith( '\uFEFF' ) ).toBe( true );
	const [ header, ...rows ] = parseCsv( text.slice( 1 ) );
	expect( rows ).toHaveLength( 8 );
	for ( const row of rows ) {
		const cells = Object.fromEntries(
			header!.map( ( name, i ) => [ name, row[ i ] ] )
		);
		const { customer } = (
			await shop.api( 'GET', `/v1/customers/${ cells.id }` )
		).body;
		const expected: Record< string, string > = {};
		for ( const name of header! ) {
			const value = customer[ name ];
			if ( value === null || value === undefined ) expected[ name ] = '';
			else if ( name === 'meta' )
				expected[ name ] = Object.keys( value ).length
					? JSON.stringify( value )
					: '';
			else expected[ name ] = String( value );
		}
		if ( expected.taxId === '=HYPERLINK()' )
			expected.taxId = "'=HYPERLINK()";
		expect( cells ).toEqual( expected );
	}
	// meta in the database's key order, as the API shows it too.
	expect( text ).toContain( '{""tier"":""gold"",""crmId"":""42""}' );
	expect( text ).toContain( '"Navy, ""Yard"""' );
} );

it( 'pages oldest first through rows that share a creation time, each once', async () => {
	const seen: string[] = [];
	const created: string[] = [];
	for await ( const batch of customerExportBatches(
		t.bridge.ctx.db,
		shop.id,
		{},
		2
	) ) {
		expect( batch.length ).toBeLessThanOrEqual( 2 );
		for ( const row of batch ) {
			seen.push( row[ 0 ]! );
			created.push( row[ 15 ]! );
			// The writer changes the rows it is handed (ISO times): the paging must not depend on them.
			row[ 15 ] = '2024-01-02T03:04:05.123Z';
		}
	}
	expect( seen ).toHaveLength( 8 );
	expect( new Set( seen ).size ).toBe( 8 );
	expect( created.slice( 0, 5 ) ).toEqual( [
		'2024-01-02 03:04:05',
		...Array( 4 ).fill( '2024-01-02 03:04:05.123456' ),
	] );
	const filtered = [];
	for await ( const batch of customerExportBatches(
		t.bridge.ctx.db,
		shop.id,
		{ q: 'same' },
		2
	) )
		filtered.push( ...batch );
	expect( filtered ).toHaveLength( 5 );
} );

import { aliceCompliant, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

/** The search's fast paths: a term is the start of a field, each field with its own index. */

let t: TestBridge;
let shop: TestShop;

const people = [
	{
		firstName: 'Ada',
		lastName: 'Lovelace',
		email: 'ada@engine.example',
		company: 'Analytical Ltd',
		taxId: 'GB999',
	},
	{
		firstName: 'Grace',
		lastName: 'Hopper',
		email: 'grace@navy.example',
		company: 'Navy',
		taxId: 'US123',
	},
	{
		firstName: 'Alan',
		lastName: 'Turing',
		email: 'alan@bletchley.example',
		company: 'Bletchley Park',
		taxId: 'UK_42%',
	},
];

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop();
	for ( const customer of people ) {
		const res = await shop.api(
			'POST',
			'/v1/customers',
			{
				level: 'compliant',
				customer: { ...aliceCompliant, ...customer },
			},
			idem()
		);
		expect( res.status ).toBe( 201 );
	}
} );
afterAll( () => t.close() );

const search = async ( q: string ) => {
	const res = await shop.api(
		'GET',
		`/v1/customers?withTotal=true&sort=name&q=${ encodeURIComponent( q ) }`
	);
	expect( res.status ).toBe( 200 );
	return {
		names: res.body.items.map( ( c: any ) => c.firstName ),
		total: res.body.total,
	};
};

it.each( [
	[ 'a', [ 'Ada', 'Alan' ] ], // first name, company
	[ 'G', [ 'Grace', 'Ada' ] ], // first name, tax id
	[ 'ho', [ 'Grace' ] ], // last name
	[ 'tu', [ 'Alan' ] ],
	[ 'na', [ 'Grace' ] ], // company, email domain
	[ 'us', [ 'Grace' ] ], // tax id
	[ 'bl', [ 'Alan' ] ], // company, email domain
	[ 'zq', [] ], // nothing starts so
	[ 'da', [] ], // inside a name is not its start
] )(
	'finds a one- or two-letter term at the start of a field: %s',
	async ( q, expected ) => {
		const found = await search( q );
		expect( found.names ).toEqual( expected );
		expect( found.total ).toEqual( {
			count: expected.length,
			capped: false,
		} );
	}
);

it.each( [
	[ 'grace@navy.example', [ 'Grace' ] ],
	[ 'GRACE@Navy.Example', [ 'Grace' ] ],
	[ ' grace@navy.ex ', [ 'Grace' ] ],
	[ 'navy@grace.example', [] ],
	[ '@bletchley.example', [ 'Alan' ] ],
	[ 'engine.example', [ 'Ada' ] ],
	[ 'ada lov', [ 'Ada' ] ],
	[ 'bletchley park', [ 'Alan' ] ],
	[ 'uk_42%', [ 'Alan' ] ],
	[ 'uk%', [] ],
	[ 'u_', [] ],
] )(
	'finds an email, its start or its domain, a full name, a company, a tax id: %s',
	async ( q, expected ) => {
		expect( ( await search( q ) ).names ).toEqual( expected );
	}
);

describe( 'counting', () => {
	beforeAll( async () => {
		await t.bridge.ctx.db.query(
			`insert into customers (id, shop_id, email, email_key, first_name, last_name, country_code, level)
       select gen_random_uuid(), $1, 'many' || g || '@example.com', 'many' || g || '@example.com', 'Many', 'Times' || g,
              case when g % 2 = 0 then 'DE' else 'FR' end, 'minimal'
         from generate_series(1, 1050) as g`,
			[ shop.id ]
		);
	} );

	it( 'counts a search exactly up to 1,000, then says there are more', async () => {
		expect( ( await search( 'ma' ) ).total ).toEqual( {
			count: 1000,
			capped: true,
		} );
		// Each field stops at the cap; the ids are united, so a customer found twice counts once.
		expect( ( await search( 'many1' ) ).total ).toEqual( {
			count: 1 + 10 + 100 + 51,
			capped: false,
		} );
		const de = await shop.api(
			'GET',
			'/v1/customers?withTotal=true&q=many&country=DE'
		);
		expect( de.body.total ).toEqual( { count: 525, capped: false } );
	} );

	it( 'pages through a search by its matches, few or many, each once', async () => {
		for ( const [ q, expected ] of [
			[ 'many1', 162 ], // few: paged among the matches' ids
			[ 'many', 1050 ], // many: the search's own condition
		] as const ) {
			const seen = new Set< string >();
			let cursor = '';
			do {
				const page = (
					await shop.api(
						'GET',
						`/v1/customers?q=${ q }&sort=email&limit=100${ cursor ? `&cursor=${ cursor }` : '' }`
					)
				).body;
				for ( const c of page.items ) {
					expect( c.email.startsWith( q ) ).toBe( true );
					seen.add( c.id );
				}
				cursor = page.nextCursor ?? '';
			} while ( cursor );
			expect( seen.size ).toBe( expected );
		}
	} );

	it( 'counts every customer under the other filters exactly, however many', async () => {
		const all = await shop.api( 'GET', '/v1/customers?withTotal=true' );
		expect( all.body.total ).toEqual( { count: 1053, capped: false } );
		const fr = await shop.api(
			'GET',
			'/v1/customers?withTotal=true&country=FR&level=minimal&hasPayments=false'
		);
		expect( fr.body.total ).toEqual( { count: 525, capped: false } );
		const email = await shop.api(
			'GET',
			'/v1/customers?withTotal=true&email=MANY7@example.com'
		);
		expect( email.body.total ).toEqual( { count: 1, capped: false } );
	} );
} );

/**
 * The stores the suite runs against, one Playwright project each. The main store is the current
 * WordPress and WooCommerce with HPOS (every test); the same versions on the legacy post storage (the
 * tests tagged @posts); and the oldest supported pair (the tests tagged @smoke). `CCB_STORES=hpos,posts` (names below) limits a run to some of them.
 */
export interface StoreSpec {
	/** Project name, as in `--project`. */
	project: string;
	wordpress: '6.8' | '7.1';
	woocommerce: string;
	hpos: boolean;
	/** Only the tests whose title matches, when set. */
	grep?: RegExp;
}

export const STORES: Record< string, StoreSpec > = {
	hpos: {
		project: 'wp7.1-wc10.5-hpos',
		wordpress: '7.1',
		woocommerce: '10.5.0',
		hpos: true,
	},
	posts: {
		project: 'wp7.1-wc10.5-posts',
		wordpress: '7.1',
		woocommerce: '10.5.0',
		hpos: false,
		grep: /@posts/,
	},
	smoke: {
		project: 'wp6.8-wc9.9-smoke',
		wordpress: '6.8',
		woocommerce: '9.9.5',
		hpos: true,
		grep: /@smoke/,
	},
};

/** The stores this run starts: all, or those CCB_STORES names. */
export function selectedStores(): string[] {
	const wanted = ( process.env.CCB_STORES ?? '' )
		.split( ',' )
		.map( ( s ) => s.trim() )
		.filter( Boolean );
	const unknown = wanted.filter( ( name ) => ! STORES[ name ] );
	if ( unknown.length )
		throw new Error(
			`CCB_STORES: unknown store ${ unknown.join( ', ' ) } (known: ${ Object.keys( STORES ).join( ', ' ) })`
		);
	return wanted.length ? wanted : Object.keys( STORES );
}

/** What global setup hands the tests (through the environment) about each running store. */
export interface RunningStore {
	name: string;
	url: string;
	bridgeUrl: string;
	admin: { user: string; password: string };
	site: string;
	dir: string;
	wordpress: string;
	woocommerce: string;
	hpos: boolean;
	products: Array< {
		id: number;
		sku: string;
		name: string;
		price: string;
		url: string;
	} >;
	cart: string;
	blockCheckout: string;
	classicCheckout: string;
}

export const STORES_ENV = 'CCB_WOO_RUNNING_STORES';

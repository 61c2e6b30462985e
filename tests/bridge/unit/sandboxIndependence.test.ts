// The sandbox stands in for the real processor: a test against it is evidence about the processor only
// if it shares nothing with the bridge it answers. It may import packages and its own files, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SANDBOX = path.resolve(
	__dirname,
	'../../../bridge/src/processors/sandbox'
);

it( 'imports nothing from the bridge: not its domain, contract, store, security or Whalestack client', () => {
	const offenders: string[] = [];
	for ( const file of readdirSync( SANDBOX ).filter( ( f ) =>
		f.endsWith( '.ts' )
	) ) {
		for ( const [ , spec ] of readFileSync(
			path.join( SANDBOX, file ),
			'utf8'
		).matchAll( /(?:from|import)\s*\(?\s*'([^']+)'/g ) ) {
			if ( spec!.startsWith( '.' ) && ! spec!.startsWith( './' ) )
				offenders.push( `${ file } → ${ spec }` );
		}
	}
	expect( offenders ).toEqual( [] );
} );

// One source of truth: PHP reads the contract's rules from contract.json and never types them again.
// This fails when a rule the contract owns shows up written out in the plugin's PHP.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHECKOUT_STATUSES, LEVELS } from '../../../bridge/src/contract';

const PLUGIN = path.resolve( __dirname, '../../../plugin/src' );
const phpFiles = ( dir: string ): string[] =>
	readdirSync( dir ).flatMap( ( name ) => {
		const full = path.join( dir, name );
		if ( statSync( full ).isDirectory() ) return phpFiles( full );
		return name.endsWith( '.php' ) ? [ full ] : [];
	} );

/** What a re-typed rule looks like in PHP. */
const RULES: Array< [ string, RegExp ] > = [
	[ 'an id (UUID) pattern', /\[0-9a-f-?\]\{(8|36)\}/i ],
	[ 'an amount pattern', /\\d\{1,15\}|\[0-9\]\{1,15\}/ ],
	[
		'a list of levels',
		new RegExp( LEVELS.map( ( l ) => `'${ l }'` ).join( '\\s*,\\s*' ) ),
	],
	[
		'a list of checkout statuses',
		new RegExp(
			`'${ CHECKOUT_STATUSES[ 0 ] }'\\s*,\\s*'${ CHECKOUT_STATUSES[ 1 ] }'`
		),
	],
	[ 'a customer field length', /maxlength="\d+"/i ],
];

it( 'the plugin PHP re-types none of the rules the contract owns', () => {
	const found: string[] = [];
	for ( const file of phpFiles( PLUGIN ) ) {
		const text = readFileSync( file, 'utf8' );
		for ( const [ what, pattern ] of RULES )
			if ( pattern.test( text ) )
				found.push( `${ path.relative( PLUGIN, file ) }: ${ what }` );
	}
	expect( found ).toEqual( [] );
} );

it( 'the browser code reaches the contract by its name, never by a path into the bridge', () => {
	const BLOCKS = path.resolve( __dirname, '../../../blocks' );
	const sources = ( dir: string ): string[] =>
		readdirSync( dir ).flatMap( ( name ) => {
			const full = path.join( dir, name );
			if ( statSync( full ).isDirectory() ) return sources( full );
			return /\.tsx?$/.test( name ) ? [ full ] : [];
		} );
	const reaching = sources( BLOCKS ).filter( ( file ) =>
		/from\s+['"](\.\.\/)+bridge\//.test( readFileSync( file, 'utf8' ) )
	);
	expect( reaching.map( ( f ) => path.relative( BLOCKS, f ) ) ).toEqual( [] );
} );

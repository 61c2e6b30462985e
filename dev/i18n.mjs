// Translations. `node dev/i18n.mjs pot` regenerates languages/crypto-customer-bridge.pot from the PHP
// and TypeScript sources (Debian's xgettext) and merges it into each languages/*.po;
// `node dev/i18n.mjs check` fails when the .pot is not current or a language leaves a string
// untranslated or fuzzy (part of npm test);
// `node dev/i18n.mjs build` compiles each .po into plugin/build/languages: a .mo for PHP and, for
// each built script, the Jed JSON that wp_set_script_translations loads (only that script's strings).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import gettextParser from 'gettext-parser';
import typescript from 'typescript';
import { ensureSystem } from './system.mjs';

const DOMAIN = 'crypto-customer-bridge';
const POT = `languages/${ DOMAIN }.pot`;
const OUT = 'plugin/build/languages';

function files( dir, test ) {
	return readdirSync( dir, { withFileTypes: true } ).flatMap( ( e ) => {
		const full = path.join( dir, e.name );
		if ( e.isDirectory() )
			return e.name === 'build' || e.name === 'node_modules'
				? []
				: files( full, test );
		return test( full ) ? [ full ] : [];
	} );
}

/** Every translatable string of the sources, into `out`. */
function extract( out ) {
	ensureSystem( [ 'gettext' ] );
	const common = [
		'--from-code=UTF-8',
		'--add-comments=translators:',
		`--package-name=${ DOMAIN }`,
		'--msgid-bugs-address=https://github.com/crypto-customer-bridge',
		'--sort-by-file',
		'-c',
	];
	const php = files( 'plugin', ( f ) => f.endsWith( '.php' ) ).concat(
		files( 'blocks', ( f ) => f.endsWith( '.php' ) )
	);
	const wp = [
		'-k',
		'-k__:1',
		'-k_e:1',
		'-kesc_html__:1',
		'-kesc_html_e:1',
		'-kesc_attr__:1',
		'-kesc_attr_e:1',
		'-k_x:1,2c',
		'-k_n:1,2',
		'-k_nx:1,2,4c',
	];
	execFileSync( 'xgettext', [
		'--language=PHP',
		...common,
		...wp,
		'-o',
		'/tmp/ccb-php.pot',
		...php,
	] );
	// xgettext reads JavaScript, not TypeScript: on JSX and type syntax it silently loses its place
	// and skips strings. So it reads each file transpiled to plain JavaScript (comments kept, so
	// translator comments survive), under the same relative path.
	const ts = files(
		'blocks',
		( f ) => /\.tsx?$/.test( f ) && ! f.endsWith( '.d.ts' )
	);
	const plain = mkdtempSync( path.join( tmpdir(), 'ccb-i18n-' ) );
	for ( const file of ts ) {
		const { outputText } = typescript.transpileModule(
			readFileSync( file, 'utf8' ),
			{
				fileName: file,
				compilerOptions: {
					jsx: typescript.JsxEmit.React,
					target: typescript.ScriptTarget.ES2022,
					module: typescript.ModuleKind.ESNext,
					removeComments: false,
				},
			}
		);
		mkdirSync( path.join( plain, path.dirname( file ) ), {
			recursive: true,
		} );
		writeFileSync( path.join( plain, file ), outputText );
	}
	execFileSync(
		'xgettext',
		[
			'--language=JavaScript',
			...common,
			...wp,
			'-o',
			'/tmp/ccb-js.pot',
			...ts,
		],
		{ cwd: plain }
	);
	rmSync( plain, { recursive: true, force: true } );
	execFileSync( 'msgcat', [
		'--use-first',
		'-o',
		out,
		'/tmp/ccb-php.pot',
		'/tmp/ccb-js.pot',
	] );
}

function pot() {
	extract( POT );
	for ( const po of files( 'languages', ( f ) => f.endsWith( '.po' ) ) )
		execFileSync( 'msgmerge', [
			'--quiet',
			'--update',
			'--backup=off',
			'--no-fuzzy-matching',
			po,
			POT,
		] );
	console.log( `wrote ${ POT }` );
}

/** The message keys of a catalogue (context and id), without its header. */
function keys( catalogue ) {
	return Object.values( catalogue.translations )
		.flatMap( ( byId ) => Object.values( byId ) )
		.filter( ( t ) => t.msgid )
		.map( ( t ) =>
			t.msgctxt ? `${ t.msgctxt }\u0004${ t.msgid }` : t.msgid
		);
}

function check() {
	const problems = [];
	const current = '/tmp/ccb-check.pot';
	extract( current );
	const want = new Set(
		keys( gettextParser.po.parse( readFileSync( current ) ) )
	);
	const have = new Set(
		keys( gettextParser.po.parse( readFileSync( POT ) ) )
	);
	for ( const key of want )
		if ( ! have.has( key ) )
			problems.push( `${ POT } lacks "${ key }" (run npm run i18n:pot)` );
	for ( const key of have )
		if ( ! want.has( key ) )
			problems.push(
				`${ POT } still has "${ key }" (run npm run i18n:pot)`
			);
	for ( const poFile of files( 'languages', ( f ) => f.endsWith( '.po' ) ) ) {
		const po = gettextParser.po.parse( readFileSync( poFile ) );
		const entries = new Map(
			Object.values( po.translations )
				.flatMap( ( byId ) => Object.values( byId ) )
				.filter( ( t ) => t.msgid )
				.map( ( t ) => [
					t.msgctxt ? `${ t.msgctxt }\u0004${ t.msgid }` : t.msgid,
					t,
				] )
		);
		for ( const key of want ) {
			const entry = entries.get( key );
			if ( ! entry || ! entry.msgstr.every( ( s ) => s.trim() ) )
				problems.push( `${ poFile }: "${ key }" is not translated` );
			else if ( entry.comments?.flag?.includes( 'fuzzy' ) )
				problems.push( `${ poFile }: "${ key }" is fuzzy` );
		}
	}
	if ( problems.length ) {
		console.error( problems.join( '\n' ) );
		process.exit( 1 );
	}
	console.log( `${ want.size } strings, every language complete` );
}

function build() {
	mkdirSync( OUT, { recursive: true } );
	const scripts = files( 'plugin/build', ( f ) => f.endsWith( '.js' ) );
	for ( const poFile of files( 'languages', ( f ) => f.endsWith( '.po' ) ) ) {
		const locale = path
			.basename( poFile, '.po' )
			.slice( DOMAIN.length + 1 );
		const po = gettextParser.po.parse( readFileSync( poFile ) );
		writeFileSync(
			path.join( OUT, `${ DOMAIN }-${ locale }.mo` ),
			gettextParser.mo.compile( po )
		);
		const entries = Object.values( po.translations[ '' ] ?? {} ).filter(
			( t ) =>
				t.msgid &&
				t.msgstr.some( Boolean ) &&
				! t.comments?.flag?.includes( 'fuzzy' )
		);
		for ( const script of scripts ) {
			const source = readFileSync( script, 'utf8' );
			// A string belongs to a bundle when the bundle contains it: minified code keeps its literals.
			const messages = Object.fromEntries(
				entries
					.filter( ( t ) =>
						source.includes(
							JSON.stringify( t.msgid ).slice( 1, -1 )
						)
					)
					.map( ( t ) => [
						t.msgctxt
							? `${ t.msgctxt }\u0004${ t.msgid }`
							: t.msgid,
						t.msgstr,
					] )
			);
			if ( ! Object.keys( messages ).length ) continue;
			const relative = path
				.relative( 'plugin', script )
				.split( path.sep )
				.join( '/' );
			const jed = {
				domain: 'messages',
				locale_data: {
					messages: {
						'': {
							domain: 'messages',
							lang: locale,
							'plural-forms':
								po.headers[ 'Plural-Forms' ] ??
								'nplurals=2; plural=(n != 1);',
						},
						...messages,
					},
				},
			};
			writeFileSync(
				path.join(
					OUT,
					`${ DOMAIN }-${ locale }-${ createHash( 'md5' ).update( relative ).digest( 'hex' ) }.json`
				),
				JSON.stringify( jed )
			);
		}
	}
}

const command = process.argv[ 2 ];
if ( command === 'pot' ) pot();
else if ( command === 'build' ) build();
else if ( command === 'check' ) check();
else {
	console.error( 'usage: node dev/i18n.mjs pot|check|build' );
	process.exit( 1 );
}

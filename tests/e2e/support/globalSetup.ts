import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// dev/stack.mjs is native ESM shared with `npm start`; Playwright compiles this file to CommonJS,
// so the module is loaded with a real dynamic import that its transform leaves alone.
const importEsm = new Function( 'url', 'return import(url)' ) as (
	url: string
) => Promise< { startStack: ( o: object ) => Promise< StackHandle > } >;

interface StackHandle {
	url: string;
	bridgeUrl: string;
	admin: { user: string; password: string };
	site: string;
	connectionString: string;
	stop: () => Promise< void >;
}

export const STACK_FILE = path.join( tmpdir(), 'ccb-e2e-stack.json' );

/** Starts a fresh stack for this run and tells the tests where it is. */
export default async function globalSetup() {
	const dir = mkdtempSync( path.join( tmpdir(), 'ccb-e2e-' ) );
	// The site runs the installable zip, not the working tree: what is tested is what ships.
	const root = path.resolve( __dirname, '../../..' );
	const zip = execFileSync( 'node', [ 'dev/package-plugin.mjs' ], {
		cwd: root,
		encoding: 'utf8',
	} )
		.trim()
		.split( '\n' )
		.pop()!;
	execFileSync( 'unzip', [ '-q', zip, '-d', path.join( dir, 'from-zip' ) ] );
	// A real SMTP server the site sends its mail to; what it receives is kept in `inbox`.
	const inbox = path.join( dir, 'mails.jsonl' );
	writeFileSync( inbox, '' );
	const smtp = spawn(
		'node',
		[ path.join( root, 'tests/php/support/smtp-sink.mjs' ), inbox ],
		{ stdio: [ 'ignore', 'pipe', 'inherit' ] }
	);
	const smtpPort = await new Promise< number >( ( resolve ) =>
		smtp.stdout.once( 'data', ( line: Buffer ) =>
			resolve( JSON.parse( line.toString() ).port )
		)
	);
	( globalThis as { ccbSmtp?: { kill: () => void } } ).ccbSmtp = smtp;
	const { startStack } = await importEsm(
		pathToFileURL( path.join( root, 'dev/stack.mjs' ) ).href
	);
	const stack = await startStack( {
		dir,
		pluginDir: path.join( dir, 'from-zip/crypto-customer-bridge' ),
		smtpPort,
	} );
	( globalThis as { ccbStack?: { stop: () => Promise< void > } } ).ccbStack =
		stack;
	writeFileSync(
		STACK_FILE,
		JSON.stringify( {
			url: stack.url,
			bridgeUrl: stack.bridgeUrl,
			admin: stack.admin,
			site: stack.site,
			dir,
			zip,
			inbox,
			connectionString: stack.connectionString,
		} )
	);
}

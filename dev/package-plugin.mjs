// Builds the installable plugin zip: dist/crypto-customer-bridge-VERSION.zip with one folder,
// crypto-customer-bridge/, holding the PHP, the built scripts and translations, and nothing for
// development (no sources, no tests, no maps).
import { execFileSync, execSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureSystem } from './system.mjs';

ensureSystem( [ 'zipcli' ] );
execSync( 'node dev/ensure-build.mjs', { stdio: 'inherit' } );
const version = /Version:\s*(\S+)/.exec(
	readFileSync( 'plugin/crypto-customer-bridge.php', 'utf8' )
)[ 1 ];
const stage = mkdtempSync( path.join( tmpdir(), 'ccb-zip-' ) );
const folder = path.join( stage, 'crypto-customer-bridge' );
const keep = [
	'crypto-customer-bridge.php',
	'uninstall.php',
	'readme.txt',
	'src',
	'build',
];
mkdirSync( folder );
for ( const entry of keep )
	cpSync( path.join( 'plugin', entry ), path.join( folder, entry ), {
		recursive: true,
		filter: ( src ) => ! src.endsWith( '.map' ),
	} );
mkdirSync( 'dist', { recursive: true } );
const zip = path.resolve( 'dist', `crypto-customer-bridge-${ version }.zip` );
rmSync( zip, { force: true } );
execFileSync( 'zip', [ '-rqX', zip, 'crypto-customer-bridge' ], {
	cwd: stage,
} );
rmSync( stage, { recursive: true, force: true } );
console.log( zip );

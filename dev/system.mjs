// Installs the Debian packages a command needs when they are missing (as root, with apt-get), so
// `npm start` and `npm test` work on a fresh machine. Never runs two apt-get at once.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = ( bin ) =>
	spawnSync( 'sh', [ '-c', `command -v ${ bin }` ], { stdio: 'ignore' } )
		.status === 0 || existsSync( bin );
const phpHas = ( ext ) =>
	has( 'php' ) &&
	spawnSync( 'php', [ '-r', `exit(extension_loaded('${ ext }') ? 0 : 1);` ] )
		.status === 0;

/** Each requirement: a check and the Debian package that satisfies it. */
const REQUIREMENTS = {
	php: [ () => has( 'php' ), 'php-cli' ],
	mysqli: [ () => phpHas( 'mysqli' ), 'php-mysql' ],
	curl: [ () => phpHas( 'curl' ), 'php-curl' ],
	xml: [ () => phpHas( 'dom' ), 'php-xml' ],
	mbstring: [ () => phpHas( 'mbstring' ), 'php-mbstring' ],
	intl: [ () => phpHas( 'intl' ), 'php-intl' ],
	gd: [ () => phpHas( 'gd' ), 'php-gd' ],
	zip: [ () => phpHas( 'zip' ), 'php-zip' ],
	mariadb: [
		() => has( 'mariadbd' ) || has( '/usr/sbin/mariadbd' ),
		'mariadb-server',
	],
	chromium: [ () => has( 'chromium' ), 'chromium' ],
	unzip: [ () => has( 'unzip' ), 'unzip' ],
	zipcli: [ () => has( 'zip' ), 'zip' ],
	phpunit: [ () => has( 'phpunit' ), 'phpunit' ],
	gettext: [ () => has( 'xgettext' ), 'gettext' ],
};

export function ensureSystem( names ) {
	const missing = [
		...new Set(
			names
				.filter( ( n ) => ! REQUIREMENTS[ n ][ 0 ]() )
				.map( ( n ) => REQUIREMENTS[ n ][ 1 ] )
		),
	];
	if ( ! missing.length ) return;
	if ( process.getuid?.() !== 0 )
		throw new Error(
			`Missing Debian packages: ${ missing.join( ' ' ) } (install them with apt-get as root)`
		);
	console.log( `Installing Debian packages: ${ missing.join( ' ' ) }` );
	execSync(
		`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${ missing.join( ' ' ) } >/dev/null`,
		{ stdio: 'inherit' }
	);
}

// `npm start`: the whole product locally with embedded defaults — the bridge with PGlite and the
// sandbox processor, and a real WordPress with the plugin active, connected, and a demo page.
// Prints a short line per step, then where everything is; Ctrl+C (even mid-start) stops it all.
import path from 'node:path';
import { startStack } from './stack.mjs';

const dir = path.resolve( process.env.STACK_DIR ?? '.data/stack' );
let stopping = false;

const started = startStack( {
	dir,
	wpPort: Number( process.env.WP_PORT ?? 8080 ),
	bridgePort: Number( process.env.PORT ?? 8787 ),
	progress: ( line ) => stopping || console.log( line ),
} );

async function stop() {
	if ( stopping ) return;
	stopping = true;
	console.log( '\nStopping…' );
	// A start still under way is let finish, then stopped; a failed one has stopped what it started.
	const stack = await started.catch( () => null );
	await stack?.stop();
	console.log( 'Stopped.' );
	process.exit( 0 );
}
process.on( 'SIGINT', stop );
process.on( 'SIGTERM', stop );

started.then(
	( stack ) => stopping || console.log( summary( stack ) ),
	( error ) => {
		// Ctrl+C during a step also interrupts that step's process.
		if ( stopping || [ 'SIGINT', 'SIGTERM' ].includes( error.signal ) )
			return stop();
		console.error( `\nCould not start: ${ error.message }` );
		process.exit( 1 );
	}
);

function summary( stack ) {
	const admin = `${ stack.url }/wp-admin/`;
	const page = ( slug ) => `${ admin }admin.php?page=${ slug }`;
	const rows = [
		[ 'WordPress', stack.url ],
		[ 'Demo page', stack.demoPage ],
		[
			'wp-admin',
			`${ admin }   user: ${ stack.admin.user }   password: ${ stack.admin.password }`,
		],
		[ 'Payments', page( 'crypto-customer-bridge-payments' ) ],
		[ 'Customers', page( 'crypto-customer-bridge-customers' ) ],
		[ 'Settings', page( 'crypto-customer-bridge' ) ],
		[
			'Bridge',
			`${ stack.bridgeUrl }   (health: ${ stack.bridgeUrl }/health/ready)`,
		],
		[
			'Processor',
			`SANDBOX at ${ stack.bridgeUrl }/sandbox/api/v1   (test payments only, no money moves)`,
		],
	];
	const width = Math.max( ...rows.map( ( [ label ] ) => label.length ) ) + 3;
	const relative = path.relative( process.cwd(), dir );
	const where =
		relative &&
		! relative.startsWith( '..' ) &&
		! path.isAbsolute( relative )
			? relative
			: dir;
	return [
		'',
		`Crypto Customer Bridge is running (all state in ${ where }):`,
		'',
		...rows.map(
			( [ label, value ] ) => `  ${ label.padEnd( width ) }${ value }`
		),
		'',
		'Press Ctrl+C to stop.',
	].join( '\n' );
}

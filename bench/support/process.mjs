// Starting a benchmark's server processes and reading what they cost from /proc (Linux).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { BRIDGE_NODE_FLAGS } from '../../dev/stack.mjs';

const TICKS_PER_SECOND = 100;

/** CPU time the process has used so far, in milliseconds (user + system). */
export function cpuMs( pid ) {
	const fields = readFileSync( `/proc/${ pid }/stat`, 'utf8' )
		.split( ') ' )[ 1 ]
		.split( ' ' );
	return (
		( ( Number( fields[ 11 ] ) + Number( fields[ 12 ] ) ) * 1000 ) /
		TICKS_PER_SECOND
	);
}

/** Resident memory in MB. */
export function rssMb( pid ) {
	const line = readFileSync( `/proc/${ pid }/status`, 'utf8' )
		.split( '\n' )
		.find( ( l ) => l.startsWith( 'VmRSS:' ) );
	return Number( line.split( /\s+/ )[ 1 ] ) / 1024;
}

export async function freePort() {
	return new Promise( ( resolve ) => {
		const s = net.createServer().listen( 0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close( () => resolve( port ) );
		} );
	} );
}

/** Spawns a script that prints `{"port": N}` as its first line; resolves once it did. */
export function startPrintingPort( script, env = {} ) {
	const child = spawn( process.execPath, [ script ], {
		env: { ...process.env, ...env },
		stdio: [ 'ignore', 'pipe', 'inherit' ],
	} );
	return new Promise( ( resolve, reject ) => {
		child.once( 'exit', ( code ) =>
			reject( new Error( `${ script } exited (${ code })` ) )
		);
		createInterface( { input: child.stdout } ).once( 'line', ( line ) =>
			resolve( { child, port: JSON.parse( line ).port } )
		);
	} );
}

/** Spawns the built bridge as operators run it (plain node, no wrapper process) and waits until it is ready. */
export async function startBuiltBridge( env ) {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[ ...BRIDGE_NODE_FLAGS, 'bridge/dist/main.js' ],
		{
			env: { ...process.env, ...env, PORT: String( port ) },
			stdio: [ 'ignore', 'ignore', 'inherit' ],
		}
	);
	const url = `http://127.0.0.1:${ port }`;
	for ( let i = 0; i < 300; i++ ) {
		if ( child.exitCode !== null )
			throw new Error( 'the bridge exited at start' );
		const ready = await fetch( `${ url }/health/ready` )
			.then( ( r ) => r.ok )
			.catch( () => false );
		if ( ready ) return { child, url };
		await new Promise( ( r ) => setTimeout( r, 100 ) );
	}
	child.kill();
	throw new Error( 'the bridge did not become ready' );
}

export async function stop( child ) {
	if ( child.exitCode !== null ) return;
	const exited = new Promise( ( r ) => child.once( 'exit', r ) );
	child.kill( 'SIGTERM' );
	await exited;
}

/** Runs the load client in its own process: warm-up, then `requests` at `concurrency`. */
export function runLoad( options, onStart = () => {} ) {
	const child = spawn(
		process.execPath,
		[
			new URL( './loadClient.mjs', import.meta.url ).pathname,
			JSON.stringify( options ),
		],
		{ stdio: [ 'ignore', 'inherit', 'inherit', 'ipc' ] }
	);
	return new Promise( ( resolve, reject ) => {
		child.once(
			'exit',
			( code ) =>
				code && reject( new Error( `load client exited (${ code })` ) )
		);
		child.on( 'message', ( message ) => {
			if ( message === 'warm' ) {
				onStart();
				child.send( 'go' );
			} else {
				resolve( message );
				child.disconnect();
			}
		} );
	} );
}

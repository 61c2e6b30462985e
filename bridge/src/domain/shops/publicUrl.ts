import { isIP } from 'node:net';

/** Whether a host is one the internet cannot reach: loopback, private, link-local or a local name. */
export function isLocalHost( hostname: string ): boolean {
	const host = hostname.replace( /^\[|\]$/g, '' ).toLowerCase();
	if (
		host === 'localhost' ||
		host.endsWith( '.localhost' ) ||
		host.endsWith( '.local' ) ||
		host.endsWith( '.internal' ) ||
		( ! host.includes( '.' ) && isIP( host ) === 0 )
	)
		return true;
	if ( isIP( host ) === 4 ) {
		const [ a, b ] = host.split( '.' ).map( Number ) as [ number, number ];
		return (
			a === 127 ||
			a === 10 ||
			a === 0 ||
			( a === 172 && b >= 16 && b <= 31 ) ||
			( a === 192 && b === 168 ) ||
			( a === 169 && b === 254 ) ||
			( a === 100 && b >= 64 && b <= 127 )
		);
	}
	if ( isIP( host ) === 6 )
		return (
			host === '::1' ||
			host === '::' ||
			host.startsWith( 'fc' ) ||
			host.startsWith( 'fd' ) ||
			host.startsWith( 'fe80' ) ||
			host.startsWith( '::ffff:127.' ) ||
			host.startsWith( '::ffff:10.' ) ||
			host.startsWith( '::ffff:192.168.' )
		);
	return false;
}

/**
 * The live processor sends its webhooks to this bridge's PUBLIC_URL: a loopback or private address
 * would silently receive none (and the processor may refuse such URLs outright). Refused with the
 * reason — unless the processor's API is itself on a local address (a stand-in on this network), which
 * can reach it.
 */
export function assertReachableByProcessor(
	publicUrl: string,
	processorUrl: string
): void {
	const url = new URL( publicUrl );
	if (
		isLocalHost( url.hostname ) &&
		! isLocalHost( new URL( processorUrl ).hostname )
	) {
		throw new Error(
			`PUBLIC_URL is ${ url.origin }, which the live processor cannot reach: its webhooks would never arrive. Set PUBLIC_URL to the bridge's public https address (the one behind your reverse proxy) before using a shop on the live processor.`
		);
	}
}

// `npm start`: the whole product locally with embedded defaults — the bridge with PGlite and the
// sandbox processor, and a real WordPress with the plugin active, connected, and a demo page.
import path from 'node:path';
import { startStack } from './stack.mjs';

const dir = path.resolve( process.env.STACK_DIR ?? '.data/stack' );
const stack = await startStack( {
	dir,
	wpPort: Number( process.env.WP_PORT ?? 8080 ),
	bridgePort: Number( process.env.PORT ?? 8787 ),
} );

console.log( `
Crypto Customer Bridge is running (all state in ${ dir }):

  WordPress       ${ stack.url }
  demo page       ${ stack.demoPage }
  wp-admin        ${ stack.url }/wp-admin/   user: ${ stack.admin.user }   password: ${ stack.admin.password }
  payments        ${ stack.url }/wp-admin/admin.php?page=crypto-customer-bridge-payments
  settings        ${ stack.url }/wp-admin/admin.php?page=crypto-customer-bridge
  bridge          ${ stack.bridgeUrl }   (health: ${ stack.bridgeUrl }/health/ready)
  processor       embedded SANDBOX at ${ stack.bridgeUrl }/sandbox/api/v1 — test payments only, no money moves

Press Ctrl+C to stop.
` );

let stopping = false;
for ( const signal of [ 'SIGINT', 'SIGTERM' ] ) {
	process.on( signal, async () => {
		if ( stopping ) return;
		stopping = true;
		console.log( 'Stopping…' );
		await stack.stop();
		process.exit( 0 );
	} );
}

// The anchor of the checkout benchmark: a bare Express JSON endpoint in a process of its own.
import { randomUUID } from 'node:crypto';
import express from 'express';

const app = express();
app.use( express.json() );
app.post( '/v1/checkouts', ( req, res ) =>
	res
		.status( 201 )
		.json( { checkout: { id: randomUUID(), orderRef: req.body.orderRef } } )
);
const server = app.listen( 0, '127.0.0.1', () =>
	console.log( JSON.stringify( { port: server.address().port } ) )
);
server.keepAliveTimeout = 65_000;
process.on( 'SIGTERM', () => process.exit( 0 ) );

// A real SMTP server for the tests: accepts every message on a loopback port and appends it, as
// received, to a file (one JSON line per message). Prints {"port": N} once listening.
//   node tests/php/support/smtp-sink.mjs /tmp/mails.jsonl
import { appendFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

const [ file ] = process.argv.slice( 2 );
const server = new SMTPServer( {
	authOptional: true,
	disabledCommands: [ 'AUTH', 'STARTTLS' ],
	logger: false,
	onData( stream, session, done ) {
		const chunks = [];
		stream.on( 'data', ( chunk ) => chunks.push( chunk ) );
		stream.on( 'end', () => {
			appendFileSync(
				file,
				JSON.stringify( {
					from: session.envelope.mailFrom.address,
					to: session.envelope.rcptTo.map( ( r ) => r.address ),
					raw: Buffer.concat( chunks ).toString( 'utf8' ),
				} ) + '\n'
			);
			done();
		} );
	},
} );
server.listen( 0, '127.0.0.1', () =>
	console.log( JSON.stringify( { port: server.server.address().port } ) )
);
process.on( 'SIGTERM', () => server.close( () => process.exit( 0 ) ) );

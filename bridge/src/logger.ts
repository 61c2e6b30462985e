import pino, { type Logger } from 'pino';
import { currentRequestId } from './requestContext';

/**
 * Fields of a database error that quote the data involved ("Key (email_key)=(alice@example.com)
 * already exists", PGlite's copy of the query and its parameters): personal data that must never
 * reach a log. The code, constraint and table say what went wrong without it.
 */
const QUOTING_DATA = [
	'detail',
	'where',
	'hint',
	'internalQuery',
	'parameters',
	'params',
	'query',
] as const;

/** An error as logged: the standard serialisation, minus anything that quotes stored data. */
export function serializeError( err: unknown ): Record< string, unknown > {
	const serialized = pino.stdSerializers.err(
		err as Error
	) as unknown as Record< string, unknown >;
	for ( const field of QUOTING_DATA ) delete serialized[ field ];
	return serialized;
}

/** The bridge's logger: JSON lines, secrets redacted, errors without the data they quote, the request id on every line. */
export function createLogger(
	level: string,
	destination?: pino.DestinationStream
): Logger {
	return pino(
		{
			level,
			redact: [ '*.secret', '*.apiSecret', '*.authorization' ],
			serializers: { err: serializeError, error: serializeError },
			mixin: () => {
				const requestId = currentRequestId();
				return requestId ? { requestId } : {};
			},
		},
		destination
	);
}

/** Keys whose values never belong in the audit log, at any depth. */
const SECRET_KEY = /secret|password|token|signature|api[-_]?key|authorization/i;

/** A copy of `value` with secret-looking fields replaced, so request and response bodies can be stored. */
export function redactSecrets( value: unknown ): unknown {
	if ( Array.isArray( value ) ) return value.map( redactSecrets );
	if ( value && typeof value === 'object' ) {
		return Object.fromEntries(
			Object.entries( value ).map( ( [ k, v ] ) => [
				k,
				SECRET_KEY.test( k ) ? '[redacted]' : redactSecrets( v ),
			] )
		);
	}
	return value;
}

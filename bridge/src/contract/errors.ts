import { FIELD_MESSAGES, isFieldCode, type FieldCode } from './messages';

/** Every error code a client may see, with its HTTP status. Codes are stable; messages may change. */
export const ERROR_STATUS = {
	validation_failed: 400,
	invalid_json: 400,
	invalid_cursor: 400,
	malformed_url: 400,
	idempotency_key_required: 400,
	unsupported_media_type: 415,
	payload_too_large: 413,
	signature_missing: 401,
	signature_invalid: 401,
	timestamp_out_of_window: 401,
	replayed_request: 401,
	webhook_signature_invalid: 401,
	not_found: 404,
	method_not_allowed: 405,
	idempotency_key_reused: 409,
	idempotency_in_progress: 409,
	busy: 409,
	invalid_state: 409,
	totals_mismatch: 422,
	processor_unavailable: 502,
	processor_rejected: 502,
	processor_auth_failed: 502,
	internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
	code: FieldCode;
	message: string;
}

export interface ErrorBody {
	error: {
		code: ErrorCode;
		message: string;
		fields?: Record< string, FieldError >;
		details?: Record< string, unknown >;
	};
}

/** Zod issues to `{ "customer.email": { code, message } }`, the first issue per field. */
/** Any zod error (classic or mini): the issues are what counts. */
export interface ValidationIssues {
	issues: ReadonlyArray< { path: PropertyKey[]; message: string } >;
}

export function fieldErrorsFrom(
	error: ValidationIssues,
	prefix = ''
): Record< string, FieldError > {
	const fields: Record< string, FieldError > = {};
	for ( const issue of error.issues ) {
		const path =
			[ prefix, ...issue.path.map( String ) ]
				.filter( Boolean )
				.join( '.' ) || '_';
		if ( fields[ path ] ) continue;
		const code: FieldCode = isFieldCode( issue.message )
			? issue.message
			: 'invalid';
		fields[ path ] = { code, message: FIELD_MESSAGES[ code ] };
	}
	return fields;
}

import {
	ERROR_STATUS,
	type ErrorBody,
	type ErrorCode,
	type FieldError,
} from '../contract';

/** A failure the client is told about: a stable code, a message a person can act on, optional field errors. */
export class AppError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly extra: {
			fields?: Record< string, FieldError >;
			details?: Record< string, unknown >;
		} = {}
	) {
		super( message );
		this.name = 'AppError';
	}

	get status(): number {
		return ERROR_STATUS[ this.code ];
	}

	toBody(): ErrorBody {
		return {
			error: { code: this.code, message: this.message, ...this.extra },
		};
	}
}

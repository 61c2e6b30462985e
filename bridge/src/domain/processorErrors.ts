import { ProcessorError } from '../processors/whalestack/client';
import { AppError } from './errors';

/** A processor failure in our words. The processor's own messages go in details for the merchant, never to shoppers. */
export function fromProcessorError( error: unknown ): unknown {
	if ( ! ( error instanceof ProcessorError ) ) return error;
	const details = {
		processorStatus: error.status,
		processorErrors: error.processorErrors,
	};
	switch ( error.kind ) {
		case 'unavailable':
			return new AppError(
				'processor_unavailable',
				`${ error.message } Nothing was charged; please try again in a moment.`,
				{ details }
			);
		case 'auth_failed':
			return new AppError(
				'processor_auth_failed',
				"The payment processor refused this shop's API credentials. The shop owner needs to check them.",
				{
					details,
				}
			);
		case 'rejected':
			return new AppError(
				'processor_rejected',
				'The payment processor refused the request.',
				{ details }
			);
	}
}

import { z } from 'zod';
import {
	customerSchemaFor,
	emailKey,
	fieldErrorsFrom,
	FIELD_MESSAGES,
	type Customer,
	type CustomerInput,
} from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import { addAuditEntry } from '../../store/audit';
import { findCustomerByEmail } from '../../store/customers';
import { completeIdempotencyKey } from '../../store/idempotency';
import type { ShopRow } from '../../store/shops';
import { redactSecrets } from '../audit';
import { AppError } from '../errors';
import { runOnce, type StoredResponse } from '../idempotency';
import { fromProcessorError } from '../processorErrors';
import { lockOf } from '../locks';
import { createAtProcessorThenStore } from './upsertCustomer';

const requestSchema = z.object( {
	level: z.enum( [ 'minimal', 'compliant' ] ).default( 'minimal' ),
	customer: z.record( z.string(), z.unknown() ),
} );

/** A merchant creates a customer by hand: validated for its level, pushed to the processor, audited; once per Idempotency-Key. */
export async function createCustomer(
	ctx: BridgeContext,
	shop: ShopRow,
	input: unknown,
	idempotency: { key: string; requestHash: string }
): Promise< StoredResponse & { replayed: boolean } > {
	const request = requestSchema.safeParse( input ?? {} );
	if ( ! request.success )
		throw new AppError(
			'validation_failed',
			'Some fields are missing or not valid.',
			{ fields: fieldErrorsFrom( request.error ) }
		);
	const parsed = customerSchemaFor( request.data.level ).safeParse(
		request.data.customer
	);
	if ( ! parsed.success )
		throw new AppError(
			'validation_failed',
			'Please check the highlighted fields.',
			{ fields: fieldErrorsFrom( parsed.error, 'customer' ) }
		);
	const fields = parsed.data as CustomerInput & { email: string };

	return runOnce(
		ctx,
		{
			shopId: shop.id,
			...idempotency,
			alsoLock: [ lockOf.customer( shop.id, fields.email ) ],
		},
		async () => {
			if (
				await findCustomerByEmail(
					ctx.db,
					shop.id,
					emailKey( fields.email )
				)
			) {
				throw new AppError(
					'validation_failed',
					'Please check the highlighted fields.',
					{
						fields: {
							'customer.email': {
								code: 'email_taken',
								message: FIELD_MESSAGES.email_taken,
							},
						},
					}
				);
			}
			let response: { customer: Customer } | undefined;
			try {
				await createAtProcessorThenStore(
					ctx,
					shop,
					processorFor( ctx, shop ),
					fields,
					request.data.level,
					async ( tx, customer ) => {
						response = { customer };
						await addAuditEntry( tx, {
							shopId: shop.id,
							customerId: customer.id,
							checkoutId: null,
							action: 'POST /v1/customers',
							actor: 'shop',
							request: redactSecrets( input ),
							responseStatus: 201,
							response,
						} );
						await completeIdempotencyKey(
							tx,
							shop.id,
							idempotency.key,
							idempotency.requestHash,
							201,
							response
						);
					}
				);
			} catch ( error ) {
				throw fromProcessorError( error );
			}
			return { status: 201, body: response };
		}
	);
}

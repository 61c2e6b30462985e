import { z } from 'zod';
import {
	customerInputSchema,
	customerSchemaFor,
	emailKey,
	fieldErrorsFrom,
	FIELD_MESSAGES,
	type Customer,
	type CustomerInput,
} from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import { addAuditEntry } from '../../store/audit';
import {
	findCustomer,
	findCustomerByEmail,
	updateCustomer,
} from '../../store/customers';
import { enqueueEvent } from '../../store/outbox';
import type { ShopRow } from '../../store/shops';
import { redactSecrets } from '../audit';
import { AppError } from '../errors';
import { customerEvent } from '../events/newEvent';
import { fromProcessorError } from '../processorErrors';
import { lockOf, serialised } from '../locks';
import { toProcessorCustomer } from './processorCustomer';

/**
 * A change's shape: a string sets a field, null clears it. The values themselves are checked once
 * merged, against the customer's level, so every field problem is reported together.
 */
export const customerChangesSchema = z
	.object( {
		...Object.fromEntries(
			Object.keys( customerInputSchema.shape ).map( ( k ) => [
				k,
				k === 'meta'
					? z.record( z.string(), z.string() ).nullable().optional()
					: z.string( { error: 'invalid' } ).nullable().optional(),
			] )
		),
		// Raised only: a level is what the customer was asked, and lowering it would keep data beyond it.
		level: z
			.enum( [ 'minimal', 'compliant' ], { error: 'invalid_level' } )
			.optional(),
	} )
	.strict();

/**
 * Edits a customer: the result must still satisfy its level, the processor's copy is updated
 * (`PUT /customer`) before ours, and the change, its audit entry and a `customer.updated` event
 * commit together.
 */
export async function editCustomer(
	ctx: BridgeContext,
	shop: ShopRow,
	id: string,
	input: unknown
): Promise< Customer > {
	const parsed = customerChangesSchema.safeParse( input ?? {} );
	if ( ! parsed.success )
		throw new AppError( 'validation_failed', 'Some fields are not valid.', {
			fields: fieldErrorsFrom( parsed.error ),
		} );
	const { level: askedLevel, ...changes } = parsed.data as {
		[ K in keyof CustomerInput ]?: CustomerInput[ K ] | null;
	} & { level?: 'minimal' | 'compliant' };

	const current = await findCustomer( ctx.db, shop.id, id );
	if ( ! current || current.erasedAt )
		throw new AppError( 'not_found', 'No such customer.' );
	if ( askedLevel === 'minimal' && current.level === 'compliant' )
		throw new AppError( 'validation_failed', 'Some fields are not valid.', {
			fields: {
				level: {
					code: 'level_lowered',
					message: FIELD_MESSAGES.level_lowered,
				},
			},
		} );
	const level = askedLevel ?? current.level;
	const merged = { ...current, ...changes } as Record< string, unknown >;
	for ( const [ k, v ] of Object.entries( merged ) )
		if ( v === null ) delete merged[ k ];
	const checked = customerSchemaFor( level ).safeParse( merged );
	if ( ! checked.success )
		throw new AppError(
			'validation_failed',
			'Please check the highlighted fields.',
			{ fields: fieldErrorsFrom( checked.error ) }
		);
	const next = checked.data as CustomerInput & { email: string };

	const emails = [ next.email, current.email ].filter( ( e ): e is string =>
		Boolean( e )
	);
	return serialised(
		ctx,
		emails.map( ( e ) => lockOf.customer( shop.id, e ) ),
		async () => {
			if (
				changes.email &&
				emailKey( changes.email ) !== emailKey( current.email ?? '' )
			) {
				const other = await findCustomerByEmail(
					ctx.db,
					shop.id,
					emailKey( changes.email )
				);
				if ( other && other.id !== id ) {
					throw new AppError(
						'validation_failed',
						'Please check the highlighted fields.',
						{
							fields: {
								email: {
									code: 'email_taken',
									message: FIELD_MESSAGES.email_taken,
								},
							},
						}
					);
				}
			}
			const processorBody = toProcessorCustomer( next );
			try {
				if ( current.processorCustomerId )
					await processorFor( ctx, shop ).updateCustomer(
						current.processorCustomerId,
						processorBody
					);
			} catch ( error ) {
				throw fromProcessorError( error );
			}
			const updated = await ctx.db.transaction( async ( tx ) => {
				const row = await updateCustomer( tx, shop.id, id, {
					...( changes as Record< string, string | null > ),
					...( level !== current.level ? { level } : {} ),
					...( changes.meta !== undefined
						? { meta: changes.meta ?? {} }
						: {} ),
					...( changes.email
						? { emailKey: emailKey( changes.email ) }
						: {} ),
				} );
				await addAuditEntry( tx, {
					shopId: shop.id,
					customerId: id,
					checkoutId: null,
					action: 'PUT /customer',
					actor: 'bridge',
					request: redactSecrets( {
						customer: {
							id: current.processorCustomerId,
							...processorBody,
						},
					} ),
					responseStatus: 200,
					response: null,
				} );
				await addAuditEntry( tx, {
					shopId: shop.id,
					customerId: id,
					checkoutId: null,
					action: `PATCH /v1/customers/${ id }`,
					actor: 'shop',
					request: redactSecrets( input ),
					responseStatus: 200,
					response: { customer: row },
				} );
				await enqueueEvent(
					tx,
					shop.id,
					customerEvent( 'customer.updated', row! )
				);
				return row!;
			} );
			ctx.eventsQueued();
			return updated;
		}
	);
}

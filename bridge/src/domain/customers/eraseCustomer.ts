import type { Customer } from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import { ProcessorError } from '../../processors/whalestack/client';
import {
	addAuditEntry,
	redactAuditFor,
	scrubCustomerCopies,
} from '../../store/audit';
import { eraseCustomerRow, findCustomer } from '../../store/customers';
import { enqueueEvent } from '../../store/outbox';
import type { ShopRow } from '../../store/shops';
import { AppError } from '../errors';
import { customerEvent } from '../events/newEvent';
import { fromProcessorError } from '../processorErrors';

/**
 * Erases a customer's personal data: the processor's copy first (`DELETE /customer`; already gone
 * counts as done), then ours — every personal field, and the personal parts of the audit bodies.
 * Checkouts stay, linked to the anonymous record, for the merchant's accounting.
 */
export async function eraseCustomer(
	ctx: BridgeContext,
	shop: ShopRow,
	id: string
): Promise< Customer > {
	const current = await findCustomer( ctx.db, shop.id, id );
	if ( ! current ) throw new AppError( 'not_found', 'No such customer.' );
	if ( current.erasedAt ) return current;
	if ( current.processorCustomerId ) {
		try {
			await processorFor( ctx, shop ).deleteCustomer(
				current.processorCustomerId
			);
		} catch ( error ) {
			if ( ! ( error instanceof ProcessorError && error.status === 404 ) )
				throw fromProcessorError( error );
		}
	}
	const erased = await ctx.db.transaction( async ( tx ) => {
		const row = await eraseCustomerRow( tx, shop.id, id );
		await redactAuditFor( tx, shop.id, id );
		await scrubCustomerCopies( tx, shop.id, id );
		await addAuditEntry( tx, {
			shopId: shop.id,
			customerId: id,
			checkoutId: null,
			action: `DELETE /v1/customers/${ id }`,
			actor: 'shop',
			request: null,
			responseStatus: 200,
			response: { erased: true },
		} );
		await enqueueEvent(
			tx,
			shop.id,
			customerEvent( 'customer.erased', { id, email: null } )
		);
		return row ?? current;
	} );
	ctx.eventsQueued();
	return erased;
}

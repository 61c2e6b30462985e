import type { CheckoutStatus } from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import {
	EVENT_OF_STATUS,
	statusOfProcessorState,
} from '../../processors/whalestack/vocabulary';
import {
	addStatusChange,
	checkoutsToPoll,
	findCheckout,
	lockCheckoutByProcessorId,
	markPolled,
	pollFailed,
	setAmountReceived,
	setCheckoutStatus,
} from '../../store/checkouts';
import { enqueueEvent } from '../../store/outbox';
import { findShopById } from '../../store/shops';
import { checkoutEvent } from '../events/newEvent';
import { issueForStatus } from '../invoices/issue';
import { changeNote, transition } from './status';

/** Processor state words seen that we do not know: logged once per process, so the vocabulary can be learned. */
const unknownStates = new Set< string >();

/**
 * Asks the processor about one checkout and applies what it says, by the same lifecycle rules as
 * webhooks. This is how expiry is learned (the processor sends no webhook for it), how a lost webhook
 * is made good, and how a refund is learned now that the processor no longer lists a refund webhook.
 * An unknown state word means "no change" (logged once); the checkout still counts as checked.
 */
export async function refreshCheckout(
	ctx: BridgeContext,
	shopId: string,
	checkoutId: string
): Promise< boolean > {
	const shop = await findShopById( ctx.db, shopId );
	const checkout = await findCheckout( ctx.db, shopId, checkoutId );
	if ( ! shop || ! checkout ) return false;
	const remote = await processorFor( ctx, shop ).getCheckout(
		checkout.processorCheckoutId
	);
	const status = statusOfProcessorState( remote.state );
	if ( ! status && ! unknownStates.has( remote.state ) ) {
		unknownStates.add( remote.state );
		ctx.log.warn(
			{ state: remote.state, checkout: checkout.id },
			'the processor reported a checkout state this bridge does not know; treated as no change'
		);
	}
	const received =
		remote.settlementAmountReceived === null ||
		remote.settlementAmountReceived === undefined
			? null
			: String( remote.settlementAmountReceived );
	const changed = await ctx.db.transaction( async ( tx ) => {
		await markPolled( tx, checkout.id );
		const current = await lockCheckoutByProcessorId(
			tx,
			shopId,
			checkout.processorCheckoutId
		);
		if ( ! status || status === 'open' || ! current ) return false;
		const step = transition( current.status, status );
		if ( ! step.apply ) return false;
		if ( received && /^\d{1,15}(\.\d{1,18})?$/.test( received ) )
			await setAmountReceived( tx, current.id, received );
		const updated = await setCheckoutStatus( tx, current.id, status );
		await addStatusChange(
			tx,
			current.id,
			status,
			'reconciliation',
			changeNote( step, `processor reports ${ remote.state }` )
		);
		const issued = await issueForStatus( tx, shop, current.id, status );
		await enqueueEvent(
			tx,
			shopId,
			checkoutEvent(
				EVENT_OF_STATUS[ status as Exclude< CheckoutStatus, 'open' > ],
				updated,
				step.late,
				issued ?? undefined
			)
		);
		return true;
	} );
	if ( changed ) ctx.eventsQueued();
	return changed;
}

/**
 * One pass: open checkouts old enough to have expired or lost a webhook, and paid ones still inside the
 * refund watch. A checkout the processor cannot answer for backs off on its own (doubling, up to a day),
 * so it never holds up the others.
 */
export async function reconcileOpenCheckouts(
	ctx: BridgeContext,
	batch = 50
): Promise< number > {
	let changed = 0;
	const due = await checkoutsToPoll( ctx.db, {
		minAgeSeconds: ctx.config.RECONCILE_MIN_AGE_S,
		refundWatchDays: ctx.config.REFUND_WATCH_DAYS,
		refundCheckSeconds: ctx.config.REFUND_CHECK_INTERVAL_S,
		limit: batch,
	} );
	for ( const checkout of due ) {
		try {
			if ( await refreshCheckout( ctx, checkout.shopId, checkout.id ) )
				changed++;
		} catch ( error ) {
			await pollFailed(
				ctx.db,
				checkout.id,
				ctx.config.RECONCILE_MIN_AGE_S
			);
			ctx.log.warn(
				{ err: error, checkout: checkout.id },
				'could not reconcile checkout'
			);
		}
	}
	return changed;
}

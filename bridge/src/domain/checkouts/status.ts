import type { CheckoutStatus } from '../../contract';

/**
 * The checkout lifecycle. Payment states only move forward (open < underpaid < paid < refunded), so a
 * late or repeated event never undoes a later one; `expired` is reachable only from `open`. Money beats
 * expiry: a payment the processor reports for an expired checkout is applied and marked `late`, so it
 * is recorded, reported to the shop and put in front of the merchant instead of being dropped.
 */
const RANK: Record< CheckoutStatus, number > = {
	open: 0,
	underpaid: 1,
	completed: 2,
	underpaid_accepted: 2,
	refunded: 3,
	expired: 0,
};

export type Transition =
	{ apply: true; late: boolean } | { apply: false; reason: string };

export function transition(
	from: CheckoutStatus,
	to: CheckoutStatus
): Transition {
	if ( from === to ) return { apply: false, reason: `already ${ to }` };
	if ( from === 'expired' )
		return to === 'refunded'
			? { apply: false, reason: 'an expired checkout was never paid' }
			: { apply: true, late: true };
	if ( to === 'expired' )
		return from === 'open'
			? { apply: true, late: false }
			: { apply: false, reason: `a ${ from } checkout cannot expire` };
	if ( RANK[ to ] <= RANK[ from ] )
		return { apply: false, reason: `${ to } arrived after ${ from }` };
	return { apply: true, late: false };
}

/** The status history's note for a change: a late payment says so in words the merchant reads. */
export function changeNote( step: Transition, cause: string ): string {
	return step.apply && step.late
		? `${ cause }; paid after the checkout had expired: review it (accept, or refund at the processor)`
		: cause;
}

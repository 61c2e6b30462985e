import { randomUUID } from 'node:crypto';
import {
	checkoutRequestSchema,
	computeTotals,
	customerSchemaFor,
	effectiveLevel,
	fieldErrorsFrom,
	FIELD_MESSAGES,
	sameAmount,
	strictestLevel,
	type Checkout,
	type CheckoutRequest,
	type Level,
} from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import { auditInsert } from '../../store/audit';
import { checkoutInsert } from '../../store/checkouts';
import { idempotencyCompletion } from '../../store/idempotency';
import { writeAsOne, type Statement } from '../../store/oneStatement';
import { thresholdOf, type ShopRow } from '../../store/shops';
import { redactSecrets } from '../audit';
import {
	compensateCustomer,
	planCustomer,
	pushCustomer,
	customerWrites,
	type CustomerFields,
	type PushedCustomer,
} from '../customers/upsertCustomer';
import { AppError } from '../errors';
import { runOnce, type StoredResponse } from '../idempotency';
import { lockOf } from '../locks';
import { fromProcessorError } from '../processorErrors';
import { asSingleLine, buildHostedCheckout } from './charge';

export interface CheckoutCreated {
	checkout: Checkout;
}

export interface ValidCheckout {
	request: CheckoutRequest;
	level: Level;
	total: string;
	customer: CustomerFields | null;
}

/** Checks a checkout request completely before anything is stored or sent: fields, totals, level, customer. */
export function validateCheckoutRequest(
	shop: ShopRow,
	input: unknown
): ValidCheckout {
	const parsed = checkoutRequestSchema.safeParse( input );
	if ( ! parsed.success ) {
		throw new AppError(
			'validation_failed',
			'Some fields are missing or not valid.',
			{ fields: fieldErrorsFrom( parsed.error ) }
		);
	}
	const request = parsed.data;
	if (
		shop.billing_currencies &&
		! shop.billing_currencies.includes( request.currency )
	) {
		throw new AppError(
			'validation_failed',
			`The payment processor does not bill in ${ request.currency }.`,
			{
				fields: {
					currency: {
						code: 'unsupported_currency',
						message: FIELD_MESSAGES.unsupported_currency,
					},
				},
				details: { billingCurrencies: shop.billing_currencies },
			}
		);
	}
	const totals = computeTotals( request );
	if ( ! sameAmount( totals.total, request.expectedTotal ) ) {
		throw new AppError(
			'totals_mismatch',
			`The items add up to ${ totals.total } ${ request.currency }, not the expected ${ request.expectedTotal }.`,
			{
				details: {
					expectedTotal: request.expectedTotal,
					computed: totals,
				},
			}
		);
	}
	const level = effectiveLevel(
		strictestLevel( request.level, shop.collection_level ),
		thresholdOf( shop ),
		totals.total,
		request.currency
	);
	if ( level === 'none' )
		return {
			request: { ...request, customer: undefined },
			level,
			total: totals.total,
			customer: null,
		};

	const customer = customerSchemaFor( level ).safeParse(
		request.customer ?? {}
	);
	if ( ! customer.success ) {
		throw new AppError(
			'validation_failed',
			'Please check the highlighted fields.',
			{
				fields: fieldErrorsFrom( customer.error, 'customer' ),
				details: { level },
			}
		);
	}
	// Only what the level asks is kept: the audit and the charge see the validated customer, not the raw body.
	return {
		request: { ...request, customer: customer.data },
		level,
		total: totals.total,
		customer: customer.data as CustomerFields,
	};
}

/** The locks a checkout needs besides its Idempotency-Key: its customer's. */
export function customerLocks( shop: ShopRow, valid: ValidCheckout ): string[] {
	return valid.customer
		? [ lockOf.customer( shop.id, valid.customer.email ) ]
		: [];
}

/**
 * Opens a hosted checkout for a shop, once per Idempotency-Key (see `openCheckout`).
 */
export async function createCheckout(
	ctx: BridgeContext,
	shop: ShopRow,
	input: unknown,
	idempotency: { key: string; requestHash: string }
): Promise< StoredResponse & { replayed: boolean } > {
	const valid = validateCheckoutRequest( shop, input );
	return runOnce(
		ctx,
		{
			shopId: shop.id,
			...idempotency,
			alsoLock: customerLocks( shop, valid ),
		},
		() =>
			openCheckout( ctx, shop, valid, {
				action: 'POST /v1/checkouts',
				orderKeyHash: null,
				alsoWrite: ( response ) => [
					idempotencyCompletion(
						shop.id,
						idempotency.key,
						idempotency.requestHash,
						201,
						response
					),
				],
			} )
	);
}

/**
 * The processor calls, then our records. The caller holds the customer's lock. Everything stored was
 * validated before the first processor call; the customer, the checkout, their audit entries and
 * whatever the caller adds are written as one statement, so they commit together or not at all. If
 * that write fails, a processor customer this request created is deleted again, so nothing is left
 * half-made on either side.
 */
export async function openCheckout(
	ctx: BridgeContext,
	shop: ShopRow,
	valid: ValidCheckout,
	options: {
		action: string;
		orderKeyHash: string | null;
		/** More writes to commit with the checkout's (e.g. the Idempotency-Key's stored response). */
		alsoWrite: ( response: CheckoutCreated ) => Statement[];
	}
): Promise< StoredResponse > {
	const processor = processorFor( ctx, shop );
	let pushed: PushedCustomer | null = null;
	try {
		const authority = valid.request.shopperVerified
			? 'verified shopper'
			: 'unverified shopper';
		const plan =
			valid.customer && valid.level !== 'none'
				? await planCustomer(
						ctx.db,
						shop,
						valid.customer,
						valid.level,
						authority
					)
				: null;
		const checkoutId = randomUUID();
		const charge = ( processorCustomerId: string | null ) =>
			buildHostedCheckout( valid.request, {
				checkoutId,
				processorCustomerId,
				shopName: shop.name,
				settlementAsset: shop.settlement_asset,
				checkoutLanguage: shop.checkout_language,
				webhookUrl: `${ ctx.publicUrl() }/processor-webhooks/${ shop.id }`,
			} );
		// The processor totals the charge its own way first (before anything is created there); if it
		// disagrees with the shop's total, the payer is asked for the shop's exact total as one line, and
		// the audit log keeps both.
		const validation = await processor.validateCharge(
			charge( null ).charge
		);
		const agrees = sameAmount( validation.total, valid.total );
		pushed = plan ? await pushCustomer( processor, plan ) : null;
		const built = charge( pushed?.processorCustomerId ?? null );
		const body = agrees
			? built
			: asSingleLine(
					built,
					valid.total,
					`${ shop.name } — ${ valid.request.orderRef }`
				);
		const hosted = await processor.createHostedCheckout( body );
		const stored =
			plan && pushed ? customerWrites( shop, plan, pushed ) : null;
		const { checkout, statements } = checkoutInsert(
			{
				id: checkoutId,
				shopId: shop.id,
				customerId: stored?.customerId ?? null,
				processor: shop.processor_kind,
				processorCheckoutId: hosted.id,
				url: hosted.url,
				level: valid.level,
				orderRef: valid.request.orderRef,
				orderKeyHash: options.orderKeyHash,
				billing: valid.customer,
				currency: valid.request.currency,
				total: valid.total,
				charge: body,
				lines: {
					lineItems: valid.request.lineItems,
					discountItems: valid.request.discountItems,
					shippingItems: valid.request.shippingItems,
					taxItems: valid.request.taxItems,
					locale: valid.request.locale,
				},
			},
			new Date()
		);
		const response: CheckoutCreated = { checkout };
		const audit = {
			shopId: shop.id,
			customerId: stored?.customerId ?? null,
			checkoutId,
		};
		// Everything this request stores goes in one statement: it commits whole or not at all.
		await writeAsOne( ctx.db, [
			...( stored?.statements ?? [] ),
			...statements,
			auditInsert( [
				...( stored?.audit ?? [] ),
				{
					...audit,
					action: 'POST /checkout/validate-checkout-charge',
					actor: 'bridge',
					request: redactSecrets( { charge: built.charge } ),
					responseStatus: 200,
					response: {
						...validation,
						shopTotal: valid.total,
						...( agrees
							? {}
							: { fallback: 'one line with the shop total' } ),
					},
				},
				{
					...audit,
					action: 'POST /checkout/hosted',
					actor: 'bridge',
					request: redactSecrets( body ),
					responseStatus: 200,
					response: hosted,
				},
				{
					...audit,
					action: options.action,
					actor: 'shop',
					request: redactSecrets( valid.request ),
					responseStatus: 201,
					response,
				},
			] ),
			...options.alsoWrite( response ),
		] );
		return { status: 201, body: response };
	} catch ( error ) {
		await compensateCustomer( ctx, processor, pushed );
		ctx.log.warn(
			{ err: error, shop: shop.id, orderRef: valid.request.orderRef },
			'checkout creation failed'
		);
		throw fromProcessorError( error );
	}
}

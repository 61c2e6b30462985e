import { z } from 'zod';
import { metrics } from '../../metrics';
import { toProcessorJson } from './json';
import { DIGEST_HEADERS, digestSignature } from './signing';
import { exchange, ExchangeTimeout, type Exchange } from './transport';
import {
	checkoutStateResponseSchema,
	customerResponseSchema,
	errorResponseSchema,
	hostedCheckoutResponseSchema,
	type HostedCheckoutBody,
	type ProcessorCustomer,
} from './protocol';

export const WHALESTACK_API_URL = 'https://www.whalestack.com/api/v1';

export interface ProcessorCredentials {
	baseUrl: string;
	apiKey: string;
	apiSecret: string;
}

export type ProcessorFailure = 'unavailable' | 'rejected' | 'auth_failed';

/** A processor call that did not succeed; `kind` says whether retrying later can help. */
export class ProcessorError extends Error {
	constructor(
		readonly kind: ProcessorFailure,
		message: string,
		readonly status: number | null,
		readonly processorErrors: string[] = []
	) {
		super( message );
		this.name = 'ProcessorError';
	}
}

interface CallOptions {
	query?: Record< string, string >;
	/** Only for requests the processor treats as safe to repeat. */
	retry?: boolean;
}

const RETRY_DELAYS_MS = [ 200, 800 ];

/** The one Whalestack API client. The embedded sandbox is reached through this same client by base URL. */
export class WhalestackClient {
	constructor(
		private readonly credentials: ProcessorCredentials,
		private readonly timeoutMs: number
	) {}

	async createCustomer( customer: ProcessorCustomer ): Promise< string > {
		const body = await this.call(
			'POST',
			'/customer',
			{ customer },
			customerResponseSchema
		);
		return body.customerId;
	}

	async updateCustomer(
		id: string,
		customer: Partial< ProcessorCustomer >
	): Promise< void > {
		await this.call(
			'PUT',
			'/customer',
			{ customer: { id, ...customer } },
			z.unknown(),
			{ retry: true }
		);
	}

	async deleteCustomer( id: string ): Promise< void > {
		await this.call( 'DELETE', '/customer', { id }, z.unknown(), {
			retry: true,
		} );
	}

	createHostedCheckout( body: HostedCheckoutBody ) {
		return this.call(
			'POST',
			'/checkout/hosted',
			body,
			hostedCheckoutResponseSchema
		);
	}

	async getCheckout( id: string ) {
		return (
			await this.call(
				'GET',
				'/checkout',
				undefined,
				checkoutStateResponseSchema,
				{ query: { id }, retry: true }
			)
		).checkout;
	}

	/**
	 * Asks the processor to total a charge its own way (`POST /checkout/validate-checkout-charge`), as
	 * its official shop plugins do before opening a checkout.
	 */
	async validateCharge(
		charge: HostedCheckoutBody[ 'charge' ]
	): Promise< { total: string; decimals: number | null } > {
		const body = await this.call(
			'POST',
			'/checkout/validate-checkout-charge',
			{ charge },
			validatedChargeSchema
		);
		return { total: String( body.total ), decimals: body.decimals ?? null };
	}

	/** Billing currency codes the processor accepts (`GET /currencies`). */
	async billingCurrencies(): Promise< string[] > {
		const body = await this.call(
			'GET',
			'/currencies',
			undefined,
			currenciesSchema,
			{ retry: true }
		);
		return codesOf( body.currencies, [ 'currencyCode', 'code', 'id' ] );
	}

	/** Settlement asset ids (`GET /assets`). */
	async settlementAssets(): Promise< string[] > {
		return codesOf(
			(
				await this.call( 'GET', '/assets', undefined, assetsSchema, {
					retry: true,
				} )
			).assets,
			[ 'id', 'assetCode' ]
		);
	}

	/** Checkout language codes (`GET /languages`). */
	async checkoutLanguages(): Promise< string[] > {
		return codesOf(
			(
				await this.call(
					'GET',
					'/languages',
					undefined,
					languagesSchema,
					{ retry: true }
				)
			).languages,
			[ 'languageCode', 'code', 'id' ]
		);
	}

	async authTest(): Promise< void > {
		await this.call( 'GET', '/auth-test', undefined, z.unknown(), {
			retry: true,
		} );
	}

	private async call< T >(
		method: string,
		path: string,
		payload: unknown,
		schema: z.ZodType< T >,
		options: CallOptions = {}
	): Promise< T > {
		const attempts = options.retry ? RETRY_DELAYS_MS.length + 1 : 1;
		for ( let attempt = 1; ; attempt++ ) {
			try {
				return await this.once(
					method,
					path,
					payload,
					schema,
					options.query
				);
			} catch ( error ) {
				// A refused signature may be a clock that drifted: learn the processor's time (as its PHP SDK
				// does) and try once more; only then is it really the credentials.
				if (
					error instanceof ProcessorError &&
					error.kind === 'auth_failed' &&
					attempt === 1 &&
					( await this.correctClock() )
				)
					continue;
				const retriable =
					error instanceof ProcessorError &&
					error.kind === 'unavailable';
				if ( ! retriable || attempt >= attempts ) throw error;
				await new Promise( ( r ) =>
					setTimeout( r, RETRY_DELAYS_MS[ attempt - 1 ] )
				);
			}
		}
	}

	/** Fetches the processor's time (unsigned `GET /time`); true when our clock was off and is now corrected. */
	private async correctClock(): Promise< boolean > {
		try {
			const res = await exchange(
				`${ this.credentials.baseUrl.replace( /\/+$/, '' ) }/time`,
				{
					method: 'GET',
					headers: {
						[ DIGEST_HEADERS.key ]: this.credentials.apiKey,
					},
					timeoutMs: this.timeoutMs,
				}
			);
			const body = parseJson( res.text ) as {
				time?: unknown;
				data?: { time?: unknown };
			} | null;
			const time = Number( body?.time ?? body?.data?.time );
			if (
				res.status < 200 ||
				res.status >= 300 ||
				! Number.isFinite( time ) ||
				time <= 0
			)
				return false;
			const offset = time - Date.now() / 1000;
			const previous = clockOffsets.get( this.credentials.baseUrl ) ?? 0;
			if ( Math.abs( offset - previous ) < MAX_DRIFT_S ) return false;
			clockOffsets.set( this.credentials.baseUrl, offset );
			return true;
		} catch {
			return false;
		}
	}

	/** One request, timed for /metrics by endpoint and outcome. */
	private async once< T >(
		method: string,
		path: string,
		payload: unknown,
		schema: z.ZodType< T >,
		query?: Record< string, string >
	): Promise< T > {
		const stop = metrics.processorCalls.startTimer( {
			endpoint: `${ method } ${ path }`,
		} );
		try {
			const result = await this.send(
				method,
				path,
				payload,
				schema,
				query
			);
			stop( { outcome: 'ok' } );
			return result;
		} catch ( error ) {
			stop( {
				outcome: error instanceof ProcessorError ? error.kind : 'error',
			} );
			throw error;
		}
	}

	private async send< T >(
		method: string,
		path: string,
		payload: unknown,
		schema: z.ZodType< T >,
		query?: Record< string, string >
	): Promise< T > {
		const body = payload === undefined ? '' : toProcessorJson( payload );
		const timestamp = String(
			Math.floor(
				Date.now() / 1000 +
					( clockOffsets.get( this.credentials.baseUrl ) ?? 0 )
			)
		);
		const url =
			this.credentials.baseUrl.replace( /\/+$/, '' ) +
			path +
			( query ? `?${ new URLSearchParams( query ) }` : '' );
		let response: Exchange;
		try {
			response = await exchange( url, {
				method,
				headers: {
					'content-type': 'application/json; charset=UTF-8',
					[ DIGEST_HEADERS.key ]: this.credentials.apiKey,
					[ DIGEST_HEADERS.timestamp ]: timestamp,
					[ DIGEST_HEADERS.signature ]: digestSignature(
						this.credentials.apiSecret,
						path,
						timestamp,
						method,
						body
					),
				},
				body: body === '' ? undefined : body,
				timeoutMs: this.timeoutMs,
			} );
		} catch ( error ) {
			throw new ProcessorError(
				'unavailable',
				error instanceof ExchangeTimeout
					? `The payment processor did not answer within ${ this.timeoutMs } ms.`
					: 'The payment processor could not be reached.',
				null
			);
		}
		const json = parseJson( response.text );
		if ( response.status < 200 || response.status >= 300 ) {
			const errors = errorResponseSchema.safeParse( json );
			const messages = errors.success ? errors.data.errors : [];
			if ( response.status === 401 || response.status === 403 ) {
				throw new ProcessorError(
					'auth_failed',
					'The payment processor refused the API credentials.',
					response.status,
					messages
				);
			}
			if ( response.status >= 500 || response.status === 429 ) {
				throw new ProcessorError(
					'unavailable',
					`The payment processor answered with an error (HTTP ${ response.status }).`,
					response.status,
					messages
				);
			}
			throw new ProcessorError(
				'rejected',
				'The payment processor refused the request.',
				response.status,
				messages
			);
		}
		const parsed = schema.safeParse( json );
		if ( ! parsed.success ) {
			throw new ProcessorError(
				'unavailable',
				'The payment processor sent an answer the bridge does not understand.',
				response.status
			);
		}
		return parsed.data;
	}
}

/** Seconds the processor's clock is ahead of ours, per API base URL, learned from `GET /time`. */
const clockOffsets = new Map< string, number >();
const MAX_DRIFT_S = 30;

const validatedChargeSchema = z
	.object( {
		total: z.union( [ z.number(), z.string().regex( /^\d+(\.\d+)?$/ ) ] ),
		decimals: z.number().int().nullish(),
	} )
	.passthrough();
const listOf = z.array(
	z.union( [ z.string(), z.record( z.string(), z.unknown() ) ] )
);
const currenciesSchema = z.object( { currencies: listOf } ).passthrough();
const assetsSchema = z.object( { assets: listOf } ).passthrough();
const languagesSchema = z.object( { languages: listOf } ).passthrough();

/** The codes in a reference list, whether the processor lists plain strings or objects with one of `keys`. */
function codesOf(
	items: Array< string | Record< string, unknown > >,
	keys: string[]
): string[] {
	return items
		.map( ( item ) =>
			typeof item === 'string'
				? item
				: keys
						.map( ( k ) => item[ k ] )
						.find( ( v ): v is string => typeof v === 'string' )
		)
		.filter( ( code ): code is string => Boolean( code ) );
}

function parseJson( text: string ): unknown {
	try {
		return text === '' ? null : JSON.parse( text );
	} catch {
		return null;
	}
}

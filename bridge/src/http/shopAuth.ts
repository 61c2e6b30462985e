import type { NextFunction, Request, Response } from 'express';
import type { BridgeContext } from '../context';
import { acceptedSecrets } from '../domain/shops/shops';
import { AppError } from '../domain/errors';
import { safeEqual } from '../security/compare';
import {
	computeSignature,
	SIGNATURE_HEADERS,
	SIGNATURE_WINDOW_SECONDS,
} from '../security/requestSigning';
import { setActingUser } from '../requestContext';
import { claimNonce } from '../store/nonces';
import { findShopByKeyId, type ShopRow } from '../store/shops';

/** Refuses any request not signed by a known shop within the window; a nonce is good for one request. */
export function requireShop( ctx: BridgeContext ) {
	return async ( req: Request, res: Response, next: NextFunction ) => {
		const keyId = req.get( SIGNATURE_HEADERS.keyId );
		const timestamp = req.get( SIGNATURE_HEADERS.timestamp );
		const nonce = req.get( SIGNATURE_HEADERS.nonce );
		const signature = req.get( SIGNATURE_HEADERS.signature );
		if ( ! keyId || ! timestamp || ! nonce || ! signature ) {
			throw new AppError(
				'signature_missing',
				'This request must be signed (X-CCB-Key-Id, X-CCB-Timestamp, X-CCB-Nonce, X-CCB-Signature).'
			);
		}
		const shop = await findShopByKeyId( ctx.db, keyId );
		// An unknown key id and a wrong secret look the same from outside: no probing for valid key ids.
		if ( ! shop )
			throw new AppError(
				'signature_invalid',
				'The request signature does not match. Check the key id and the shop secret.'
			);
		if (
			! /^\d{1,12}$/.test( timestamp ) ||
			Math.abs( Date.now() / 1000 - Number( timestamp ) ) >
				SIGNATURE_WINDOW_SECONDS
		) {
			throw new AppError(
				'timestamp_out_of_window',
				'The request timestamp is more than five minutes off. Check the server clock.'
			);
		}
		if ( ! /^[A-Za-z0-9_-]{16,128}$/.test( nonce ) )
			throw new AppError(
				'signature_invalid',
				'The request nonce is malformed.'
			);
		const parts = {
			timestamp,
			nonce,
			method: req.method,
			pathWithQuery: req.originalUrl,
			body: res.locals.rawBody as Buffer,
		};
		const valid = acceptedSecrets( ctx, shop ).some( ( secret ) =>
			safeEqual(
				signature.toLowerCase(),
				computeSignature( secret, parts )
			)
		);
		if ( ! valid )
			throw new AppError(
				'signature_invalid',
				'The request signature does not match. Check the key id and the shop secret.'
			);
		if ( ! ( await claimNonce( ctx.db, shop.id, nonce ) ) )
			throw new AppError(
				'replayed_request',
				'This signed request was already received once.'
			);
		res.locals.shop = shop;
		const actingUser = actingUserOf( req );
		if ( actingUser ) setActingUser( actingUser );
		next();
	};
}

/** The header a shop names the person it acts for with (a WordPress user), for the audit log. */
export const ACTING_USER_HEADER = 'x-ccb-acting-user';

/**
 * The person the shop acts for, as the shop names them: printable, at most 120 characters. It is
 * read only from a request whose signature checked out, and recorded, never trusted for access.
 */
function actingUserOf( req: Request ): string | undefined {
	const printable = ( req.get( ACTING_USER_HEADER ) ?? '' )
		.replace( /[\u0000-\u001f\u007f\s]+/g, ' ' )
		.trim()
		.slice( 0, 120 );
	return printable || undefined;
}

export function shopOf( res: Response ): ShopRow {
	return res.locals.shop as ShopRow;
}

import { timingSafeEqual } from 'node:crypto';

/** Constant-time equality for hex or other ASCII tokens; unequal lengths are unequal without a timing hint on content. */
export function safeEqual( a: string, b: string ): boolean {
	const left = Buffer.from( a, 'utf8' );
	const right = Buffer.from( b, 'utf8' );
	if ( left.length !== right.length ) {
		timingSafeEqual( left, left );
		return false;
	}
	return timingSafeEqual( left, right );
}

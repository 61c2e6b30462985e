import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random id of the processor's shape: 12 lowercase letters and digits (as in its SDKs' examples). */
export function resourceId( length = 12, alphabet = LOWER ): string {
	let out = '';
	for ( let i = 0; i < length; i++ )
		out += alphabet[ randomInt( alphabet.length ) ];
	return out;
}

export const isResourceId = ( id: string ) => /^[a-z0-9]{12}$/.test( id );

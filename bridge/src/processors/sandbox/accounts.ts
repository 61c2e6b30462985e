import type { SandboxDb } from './db';
import { resourceId } from './ids';
import { vintageNamed, type Vintage, type VintageName } from './vintages';

// Real secrets mix letters, digits and symbols (`-`, `$`, `@`, `*`); the sandbox's do too, so quoting
// bugs show up here rather than on a live shop.
const SECRET_ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-$@*';

/** Signs a shop up with the sandbox: API credentials of the real lengths (key 12, secret 29). */
export async function registerSandboxAccount(
	db: SandboxDb
): Promise< { apiKey: string; apiSecret: string } > {
	const apiKey = resourceId( 12 );
	const apiSecret = resourceId( 29, SECRET_ALPHABET );
	await db.query(
		'insert into sandbox_accounts (api_key, api_secret) values ($1, $2)',
		[ apiKey, apiSecret ]
	);
	return { apiKey, apiSecret };
}

export async function sandboxAccount(
	db: SandboxDb,
	apiKey: string
): Promise< { secret: string; vintage: Vintage } | null > {
	const rows = await db.query< {
		api_secret: string;
		vintage: string | null;
	} >(
		'select api_secret, vintage from sandbox_accounts where api_key = $1',
		[ apiKey ]
	);
	return rows[ 0 ]
		? {
				secret: rows[ 0 ].api_secret,
				vintage: vintageNamed( rows[ 0 ].vintage ),
			}
		: null;
}

/** Makes one account behave like another vintage of the processor (tests, and the operator trying things). */
export async function setSandboxVintage(
	db: SandboxDb,
	apiKey: string,
	vintage: VintageName
): Promise< void > {
	await db.query(
		'update sandbox_accounts set vintage = $2 where api_key = $1',
		[ apiKey, vintage ]
	);
}

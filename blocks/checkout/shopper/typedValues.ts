/**
 * What the shopper typed, kept in this browser tab only (sessionStorage) from the moment they go to
 * the payment page until it is paid: after a cancel or an expiry the form comes back filled in.
 * Nothing leaves the browser; the tab's close forgets it.
 * @param blockId
 */
const key = ( blockId: string ) => `ccb-typed-${ blockId }`;

export function rememberTyped(
	blockId: string,
	values: Record< string, string >
): void {
	try {
		window.sessionStorage.setItem(
			key( blockId ),
			JSON.stringify( values )
		);
	} catch {
		// Storage refused (private mode, quota): the form is simply empty next time.
	}
}

export function recallTyped( blockId: string ): Record< string, string > {
	try {
		const stored = JSON.parse(
			window.sessionStorage.getItem( key( blockId ) ) ?? '{}'
		) as unknown;
		return stored && typeof stored === 'object'
			? ( stored as Record< string, string > )
			: {};
	} catch {
		return {};
	}
}

export function forgetTyped( blockId: string ): void {
	try {
		window.sessionStorage.removeItem( key( blockId ) );
	} catch {
		// Nothing to forget.
	}
}

import { __ } from '@wordpress/i18n';

/**
 * Offers data to the browser as a file download.
 * @param blob
 * @param filename
 */
export function downloadBlob( blob: Blob, filename: string ): void {
	const url = URL.createObjectURL( blob );
	const link = Object.assign( document.createElement( 'a' ), {
		href: url,
		download: filename,
	} );
	document.body.append( link );
	link.click();
	link.remove();
	setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}

/**
 * Reads a CSV response to the end, reporting rows read so far against the announced total.
 * @param response
 * @param onProgress
 */
export async function readCsvWithProgress(
	response: Response,
	onProgress: ( rows: number, total: number ) => void
): Promise< Blob > {
	const total = Number( response.headers.get( 'x-total-count' ) ?? 0 );
	const reader = response.body!.getReader();
	const chunks: Uint8Array[] = [];
	let newlines = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if ( done ) {
			break;
		}
		chunks.push( value );
		for ( const byte of value ) {
			if ( byte === 10 ) {
				newlines++;
			}
		}
		onProgress( Math.max( 0, newlines - 1 ), total );
	}
	return new Blob( chunks as BlobPart[], { type: 'text/csv' } );
}

/**
 * What to tell the merchant when an export failed: the site's or the bridge's message if it gave
 * one (with parse: false, api-fetch rejects with the response itself), else a plain sentence.
 * @param error What the export rejected with.
 */
export async function exportFailure( error: unknown ): Promise< string > {
	const body =
		error instanceof Response
			? await error.json().catch( () => null )
			: error;
	return (
		( body as { message?: string } | null )?.message ??
		__(
			'The export could not be made. Try again in a moment.',
			'crypto-customer-bridge'
		)
	);
}

import apiFetch from '@wordpress/api-fetch';
import type { Level } from '@ccb/contract/levels';

export interface SiteSettings {
	ccb_level: Level;
	ccb_threshold: { amount: string; currency: string };
	ccb_shop_name: string;
	ccb_return_page: number;
	ccb_cancel_page: number;
	ccb_seller: { name: string; address: string; taxId: string };
	ccb_invoice_prefix: string;
	ccb_invoice_email: string;
}

export interface ConnectionState {
	configured: boolean;
	bridgeUrl: string | null;
	keyId: string | null;
	secretSet: boolean;
	sync: { ok: boolean; message: string; at: string } | null;
	currencies: string[] | null;
}

export interface ConnectionTest {
	bridge: { ok: boolean; url: string };
	shop: {
		name: string;
		level: Level;
		processor: { kind: string; sandbox: boolean };
	} | null;
	processor: { ok: boolean; message: string } | null;
}

export interface Page {
	id: number;
	title: { rendered: string };
}

const KEYS: Array< keyof SiteSettings > = [
	'ccb_level',
	'ccb_threshold',
	'ccb_shop_name',
	'ccb_return_page',
	'ccb_cancel_page',
	'ccb_seller',
	'ccb_invoice_prefix',
	'ccb_invoice_email',
];

export async function loadSettings(): Promise< SiteSettings > {
	const all = await apiFetch< Record< string, unknown > >( {
		path: '/wp/v2/settings',
	} );
	return Object.fromEntries(
		KEYS.map( ( k ) => [ k, all[ k ] ] )
	) as unknown as SiteSettings;
}

export function saveSettings( settings: SiteSettings ): Promise< unknown > {
	return apiFetch( {
		path: '/wp/v2/settings',
		method: 'POST',
		data: settings,
	} );
}

export const loadConnection = () =>
	apiFetch< ConnectionState >( { path: '/ccb/v1/connection' } );

export const saveConnection = ( connectionString: string ) =>
	apiFetch< ConnectionTest >( {
		path: '/ccb/v1/connection',
		method: 'POST',
		data: { connectionString },
	} );

export const testConnection = () =>
	apiFetch< ConnectionTest >( {
		path: '/ccb/v1/connection/test',
		method: 'POST',
	} );

export const loadPages = () =>
	apiFetch< Page[] >( {
		path: '/wp/v2/pages?per_page=100&status=publish&_fields=id,title',
	} );

/**
 * The message of an api-fetch rejection, which is the REST error's translated message when there is one.
 * @param error
 */
export function errorMessage( error: unknown ): string {
	return ( error as { message?: string } )?.message ?? String( error );
}

import apiFetch from '@wordpress/api-fetch';
import type {
	AuditEntry,
	CheckoutListItem,
	Customer,
	StatusChange,
} from '../../../bridge/src/contract';

export interface CheckoutDetail {
	checkout: CheckoutListItem;
	history: StatusChange[];
	audit: AuditEntry[];
	customer: Customer | null;
}

export const listCheckouts = ( status: string, cursor?: string ) =>
	apiFetch< { items: CheckoutListItem[]; nextCursor: string | null } >( {
		path: `/ccb/v1/admin/checkouts?${ new URLSearchParams( { ...( status ? { status } : {} ), ...( cursor ? { cursor } : {} ) } ) }`,
	} );

export const getCheckout = ( id: string ) =>
	apiFetch< CheckoutDetail >( { path: `/ccb/v1/admin/checkouts/${ id }` } );

export const getActivity = ( since: string ) =>
	apiFetch< {
		now: string;
		events: Array< { type: string; checkout_id: string } >;
	} >( {
		path: `/ccb/v1/admin/activity?${ new URLSearchParams( since ? { since } : {} ) }`,
	} );

import apiFetch from '@wordpress/api-fetch';
import type {
	AuditEntry,
	CheckoutListItem,
	CheckoutStatus,
	Customer,
	Invoice,
	StatusChange,
} from '@ccb/contract';

/** One sending of an invoice, as the site recorded it. */
export interface InvoiceMail {
	id: string;
	invoice_id: string;
	number: string;
	recipient: 'customer' | 'merchant';
	address: string;
	status: 'sent' | 'failed' | 'attached';
	error: string | null;
	attempts: string;
	updated_at: string;
}

export interface CheckoutDetail {
	checkout: CheckoutListItem;
	history: StatusChange[];
	audit: AuditEntry[];
	customer: Customer | null;
	invoices: Invoice[];
	mails: InvoiceMail[];
}

/** What the list is narrowed by; empty values mean no filter. */
export interface PaymentFilter {
	status?: string;
	search?: string;
	createdFrom?: string;
	createdTo?: string;
}

const query = ( params: Record< string, string | undefined > ) => {
	const given = Object.entries( params ).filter( ( [ , v ] ) => v ) as [
		string,
		string,
	][];
	return given.length ? `?${ new URLSearchParams( given ) }` : '';
};

export const listCheckouts = ( filter: PaymentFilter, cursor?: string ) =>
	apiFetch< { items: CheckoutListItem[]; nextCursor: string | null } >( {
		path: `/ccb/v1/admin/checkouts${ query( { ...filter, cursor } ) }`,
	} );

export const countCheckouts = ( filter: PaymentFilter ) =>
	apiFetch< { counts: Record< CheckoutStatus, number > } >( {
		path: `/ccb/v1/admin/checkouts/counts${ query( {
			...filter,
			status: undefined,
		} ) }`,
	} );

/**
 * The CSV as a response to read (api-fetch returns the response itself with parse: false).
 * @param filter What the list is narrowed by.
 */
export const exportCheckouts = ( filter: PaymentFilter ) =>
	apiFetch( {
		path: `/ccb/v1/admin/checkouts/export${ query( { ...filter } ) }`,
		parse: false,
	} ) as Promise< Response >;

export const getCheckout = ( id: string ) =>
	apiFetch< CheckoutDetail >( { path: `/ccb/v1/admin/checkouts/${ id }` } );

export const getActivity = ( since: string ) =>
	apiFetch< {
		now: string;
		events: Array< { type: string; checkout_id: string } >;
	} >( {
		path: `/ccb/v1/admin/activity?${ new URLSearchParams( since ? { since } : {} ) }`,
	} );

/**
 * An invoice's PDF as a response to read.
 * @param id The invoice.
 */
export const invoicePdf = ( id: string ) =>
	apiFetch( {
		path: `/ccb/v1/admin/invoices/${ id }/pdf`,
		parse: false,
	} ) as Promise< Response >;

export const resendInvoiceMail = ( id: string ) =>
	apiFetch< { sent: true } >( {
		path: `/ccb/v1/admin/invoice-mails/${ id }/resend`,
		method: 'POST',
	} );

/** Every invoice and credit note as CSV, as a response to read. */
export const exportInvoices = () =>
	apiFetch( {
		path: '/ccb/v1/admin/invoices/export',
		parse: false,
	} ) as Promise< Response >;

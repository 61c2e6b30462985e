import apiFetch from '@wordpress/api-fetch';
import type {
	AuditEntry,
	Invoice,
	CheckoutListItem,
	Customer,
	CustomerStatistics,
	ListTotal,
} from '@ccb/contract';

export interface CustomerQuery {
	q?: string;
	country?: string;
	level?: string;
	hasPayments?: string;
	sort?: string;
	order?: string;
	limit?: number;
	cursor?: string;
	withTotal?: string;
}

export interface CustomerPage {
	items: Customer[];
	nextCursor: string | null;
	total?: ListTotal;
}

export type Statistics = CustomerStatistics;

export interface CustomerDetail {
	customer: Customer;
	checkouts: CheckoutListItem[];
	accounts: Array< { network: string; account: string; lastUsedAt: string } >;
	audit: AuditEntry[];
	invoices: Invoice[];
}

export function queryString( query: CustomerQuery ): string {
	const entries = Object.entries( query ).filter(
		( [ , v ] ) => v !== undefined && v !== ''
	) as [ string, string ][];
	return entries.length
		? `?${ new URLSearchParams( entries.map( ( [ k, v ] ) => [ k, String( v ) ] ) ) }`
		: '';
}

export const listCustomers = ( query: CustomerQuery ) =>
	apiFetch< CustomerPage >( {
		path: `/ccb/v1/admin/customers${ queryString( query ) }`,
	} );
export const getStatistics = () =>
	apiFetch< Statistics >( { path: '/ccb/v1/admin/customers/statistics' } );
export const getCustomer = ( id: string ) =>
	apiFetch< CustomerDetail >( { path: `/ccb/v1/admin/customers/${ id }` } );
export const createCustomer = (
	level: string,
	customer: Record< string, unknown >,
	requestId: string
) =>
	apiFetch< { customer: Customer } >( {
		path: '/ccb/v1/admin/customers',
		method: 'POST',
		data: { level, customer },
		headers: { 'X-CCB-Request-Id': requestId },
	} );
export const updateCustomer = (
	id: string,
	changes: Record< string, unknown >
) =>
	apiFetch< { customer: Customer } >( {
		path: `/ccb/v1/admin/customers/${ id }`,
		method: 'PATCH',
		data: changes,
	} );
export const eraseCustomer = ( id: string ) =>
	apiFetch< { customer: Customer } >( {
		path: `/ccb/v1/admin/customers/${ id }`,
		method: 'DELETE',
	} );
export const exportCustomer = ( id: string ) =>
	apiFetch< unknown >( { path: `/ccb/v1/admin/customers/${ id }/export` } );

/**
 * The CSV export as a raw response, so the screen can read it as a stream and show progress.
 * @param query
 */
export const exportCsv = ( query: CustomerQuery ) =>
	apiFetch( {
		path: `/ccb/v1/admin/customers/export${ queryString( query ) }`,
		parse: false,
	} ) as Promise< Response >;

/**
 * Field errors from a rejected api-fetch call (the bridge's, passed through by WordPress).
 * @param error
 */
export function fieldErrorsOf(
	error: unknown
): Record< string, { code: string; message: string } > {
	const data = (
		error as {
			data?: {
				fields?: Record< string, { code: string; message: string } >;
			};
		}
	 )?.data;
	return data?.fields ?? {};
}

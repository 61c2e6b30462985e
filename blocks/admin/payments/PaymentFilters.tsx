import { Button, SearchControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { CHECKOUT_STATUSES, type CheckoutStatus } from '@ccb/contract/checkout';
import { dayStartInSite } from '../../shared/dates';
import type { PaymentFilter } from './api';
import { statusLabel } from './labels';

export interface FilterForm {
	status: CheckoutStatus | '';
	search: string;
	from: string;
	to: string;
}

/**
 * The bridge's filter for what the form holds: days are the site's days (its timezone), the "to"
 * day included.
 * @param form The form's values.
 */
export function toFilter( form: FilterForm ): PaymentFilter {
	return {
		status: form.status,
		search: form.search.trim(),
		createdFrom: form.from ? dayStartInSite( form.from ) : '',
		createdTo: form.to ? dayStartInSite( form.to, 1 ) : '',
	};
}

/**
 * WordPress's status links ("All (12) | Paid (3)"), a search and a date range, as on WooCommerce's
 * own order list. The search waits for a pause in typing.
 * @param root0
 * @param root0.form
 * @param root0.counts
 * @param root0.onChange
 */
export default function PaymentFilters( {
	form,
	counts,
	onChange,
}: {
	form: FilterForm;
	counts: Record< CheckoutStatus, number > | null;
	onChange: ( form: FilterForm ) => void;
} ) {
	const [ search, setSearch ] = useState( form.search );
	useEffect( () => {
		if ( search === form.search ) {
			return undefined;
		}
		const timer = setTimeout( () => onChange( { ...form, search } ), 300 );
		return () => clearTimeout( timer );
	}, [ search ] ); // eslint-disable-line react-hooks/exhaustive-deps

	const all = counts
		? Object.values( counts ).reduce( ( a, b ) => a + b, 0 )
		: null;
	const tab = (
		status: CheckoutStatus | '',
		label: string,
		n: number | null
	) => (
		<li key={ status || 'all' }>
			<Button
				variant="link"
				className={ form.status === status ? 'current' : '' }
				aria-current={ form.status === status ? 'page' : undefined }
				onClick={ () => onChange( { ...form, status } ) }
			>
				{ n === null
					? label
					: sprintf(
							/* translators: 1: status, 2: number of payments */ __(
								'%1$s (%2$s)',
								'crypto-customer-bridge'
							),
							label,
							n.toLocaleString()
						) }
			</Button>
		</li>
	);

	return (
		<div className="ccb-payments__filters">
			<ul
				className="subsubsub ccb-payments__tabs"
				aria-label={ __(
					'Payments by status',
					'crypto-customer-bridge'
				) }
			>
				{ tab( '', __( 'All', 'crypto-customer-bridge' ), all ) }
				{ CHECKOUT_STATUSES.map( ( s ) =>
					tab( s, statusLabel( s ), counts ? counts[ s ] : null )
				) }
			</ul>
			<div className="ccb-payments__search">
				<SearchControl
					__nextHasNoMarginBottom
					label={ __(
						'Search order reference, email or checkout id',
						'crypto-customer-bridge'
					) }
					placeholder={ __(
						'Order reference, email or checkout id',
						'crypto-customer-bridge'
					) }
					value={ search }
					onChange={ setSearch }
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={ __( 'From', 'crypto-customer-bridge' ) }
					value={ form.from }
					max={ form.to || undefined }
					onChange={ ( from ) => onChange( { ...form, from } ) }
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={ __( 'To', 'crypto-customer-bridge' ) }
					value={ form.to }
					min={ form.from || undefined }
					onChange={ ( to ) => onChange( { ...form, to } ) }
				/>
			</div>
		</div>
	);
}

import { __, sprintf } from '@wordpress/i18n';
import type { Statistics as Stats } from './api';

const countryName = ( code: string ) =>
	new Intl.DisplayNames( [ document.documentElement.lang || 'en' ], {
		type: 'region',
	} ).of( code ) ?? code;

/**
 * Paid volume per day over 30 days, one bar per day, for the currency with the most volume.
 * @param root0
 * @param root0.stats
 */
function PaidChart( { stats }: { stats: Stats } ) {
	const currency = [ ...stats.paidVolume ].sort(
		( a, b ) => Number( b.amount ) - Number( a.amount )
	)[ 0 ]?.currency;
	if ( ! currency ) {
		return null;
	}
	const today = new Date();
	const days = Array.from( { length: 30 }, ( _, i ) =>
		new Date(
			Date.UTC(
				today.getUTCFullYear(),
				today.getUTCMonth(),
				today.getUTCDate() - 29 + i
			)
		)
			.toISOString()
			.slice( 0, 10 )
	);
	const amounts = days.map( ( day ) =>
		Number(
			stats.paidPerDay.find(
				( d ) => d.day === day && d.currency === currency
			)?.amount ?? 0
		)
	);
	const max = Math.max( ...amounts, 1 );
	return (
		<figure className="ccb-stats__chart">
			<svg
				viewBox="0 0 300 60"
				width="300"
				height="60"
				role="img"
				aria-label={ sprintf(
					/* translators: %s: currency */ __(
						'Paid volume per day over 30 days, in %s',
						'crypto-customer-bridge'
					),
					currency
				) }
			>
				{ amounts.map( ( amount, i ) => (
					<rect
						key={ days[ i ] }
						x={ i * 10 + 1 }
						y={ 60 - ( amount / max ) * 58 }
						width="8"
						height={ ( amount / max ) * 58 }
						fill="#2271b1"
					>
						<title>{ `${ days[ i ] }: ${ amount.toFixed( 2 ) } ${ currency }` }</title>
					</rect>
				) ) }
			</svg>
			<figcaption>
				{ sprintf(
					/* translators: %s: currency */ __(
						'Paid per day, last 30 days (%s)',
						'crypto-customer-bridge'
					),
					currency
				) }
			</figcaption>
		</figure>
	);
}

/**
 * The numbers above the customer list.
 * @param root0
 * @param root0.stats
 */
export default function Statistics( { stats }: { stats: Stats } ) {
	return (
		<div
			className="ccb-stats"
			aria-label={ __( 'Customer statistics', 'crypto-customer-bridge' ) }
			role="region"
		>
			<dl className="ccb-stats__numbers">
				<div>
					<dt>{ __( 'Customers', 'crypto-customer-bridge' ) }</dt>
					<dd>{ stats.customers.toLocaleString() }</dd>
				</div>
				<div>
					<dt>
						{ __(
							'New in the last 30 days',
							'crypto-customer-bridge'
						) }
					</dt>
					<dd>{ stats.newLast30Days.toLocaleString() }</dd>
				</div>
				<div>
					<dt>{ __( 'Paid volume', 'crypto-customer-bridge' ) }</dt>
					<dd>
						{ stats.paidVolume.length
							? stats.paidVolume
									.map(
										( v ) => `${ v.amount } ${ v.currency }`
									)
									.join( ' · ' )
							: '—' }
					</dd>
				</div>
				<div>
					<dt>{ __( 'Top countries', 'crypto-customer-bridge' ) }</dt>
					<dd>
						{ stats.topCountries.length
							? stats.topCountries
									.map(
										( c ) =>
											`${ countryName( c.countryCode ) } (${ c.customers })`
									)
									.join( ', ' )
							: '—' }
					</dd>
				</div>
			</dl>
			<PaidChart stats={ stats } />
		</div>
	);
}

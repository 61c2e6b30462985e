import { __, sprintf } from '@wordpress/i18n';
import { formatDay } from '../../shared/dates';
import { countryName, formatMoney, pageLocale } from '../../shared/locale';
import type { Statistics as Stats } from './api';

const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 72;
const BOTTOM = 28;
const TOP = 10;
/** The days labelled under the bars (first, middle, last), and how each label sits. */
const DAY_ANCHOR: Record< number, 'start' | 'middle' | 'end' > = {
	0: 'start',
	14: 'middle',
	29: 'end',
};

/** The last 30 UTC days, oldest first, as the bridge counts them. */
function lastThirtyDays(): string[] {
	const today = new Date();
	return Array.from( { length: 30 }, ( _, i ) =>
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
}

/**
 * A round top for the axis (1, 2 or 5 times a power of ten), so its labels read well.
 * @param value The highest amount.
 */
function niceMax( value: number ): number {
	if ( value <= 0 ) {
		return 1;
	}
	const power = 10 ** Math.floor( Math.log10( value ) );
	return (
		( [ 1, 2, 5, 10 ].find( ( f ) => f * power >= value ) ?? 10 ) * power
	);
}

/**
 * Paid volume per day over 30 days, for the currency with the most volume: bars on labelled axes,
 * and the same figures as a table for screen readers and for reading exact amounts.
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
	const days = lastThirtyDays();
	const amounts = days.map(
		( day ) =>
			stats.paidPerDay.find(
				( d ) => d.day === day && d.currency === currency
			)?.amount ?? '0'
	);
	const top = niceMax( Math.max( ...amounts.map( Number ) ) );
	const plotHeight = HEIGHT - BOTTOM - TOP;
	const slot = ( WIDTH - LEFT ) / days.length;
	const y = ( amount: number ) =>
		TOP + plotHeight - ( amount / top ) * plotHeight;
	const ticks = [ 0, top / 2, top ];
	const title = sprintf(
		/* translators: %s: currency */ __(
			'Paid per day, last 30 days (%s)',
			'crypto-customer-bridge'
		),
		currency
	);
	const paidDays = days
		.map( ( day, i ) => ( { day, amount: amounts[ i ]! } ) )
		.filter( ( d ) => Number( d.amount ) > 0 );
	return (
		<figure className="ccb-stats__chart">
			<figcaption>{ title }</figcaption>
			<svg
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				role="img"
				aria-label={ sprintf(
					/* translators: 1: number of days with payments, 2: currency */ __(
						'Bar chart of paid volume per day over the last 30 days in %2$s: payments on %1$d days. The table below has the figures.',
						'crypto-customer-bridge'
					),
					paidDays.length,
					currency
				) }
				preserveAspectRatio="xMinYMin meet"
			>
				{ ticks.map( ( tick ) => (
					<g key={ tick } className="ccb-stats__tick">
						<line
							x1={ LEFT }
							x2={ WIDTH }
							y1={ y( tick ) }
							y2={ y( tick ) }
						/>
						<text
							x={ LEFT - 6 }
							y={ y( tick ) }
							textAnchor="end"
							dominantBaseline="middle"
						>
							{ formatMoney( String( tick ), currency ) }
						</text>
					</g>
				) ) }
				{ amounts.map( ( amount, i ) => (
					<rect
						key={ days[ i ] }
						x={ LEFT + i * slot + 2 }
						y={ y( Number( amount ) ) }
						width={ slot - 4 }
						height={ TOP + plotHeight - y( Number( amount ) ) }
						className="ccb-stats__bar"
					>
						<title>{ `${ formatDay( days[ i ]! ) }: ${ formatMoney(
							amount,
							currency
						) }` }</title>
					</rect>
				) ) }
				{ [ 0, 14, 29 ].map( ( i ) => (
					<text
						key={ i }
						x={ LEFT + i * slot + slot / 2 }
						y={ HEIGHT - 8 }
						textAnchor={ DAY_ANCHOR[ i ] }
						className="ccb-stats__day"
					>
						{ formatDay( days[ i ]! ) }
					</text>
				) ) }
			</svg>
			<details>
				<summary>
					{ __( 'Show the figures', 'crypto-customer-bridge' ) }
				</summary>
				{ paidDays.length ? (
					<table className="widefat striped">
						<caption className="screen-reader-text">
							{ title }
						</caption>
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Day', 'crypto-customer-bridge' ) }
								</th>
								<th scope="col">
									{ __( 'Paid', 'crypto-customer-bridge' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ paidDays.map( ( d ) => (
								<tr key={ d.day }>
									<td>{ formatDay( d.day ) }</td>
									<td>
										{ formatMoney( d.amount, currency ) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				) : (
					<p>
						{ __(
							'No payments in the last 30 days.',
							'crypto-customer-bridge'
						) }
					</p>
				) }
			</details>
		</figure>
	);
}

/**
 * The numbers above the customer list. They count what the list shows: erased customers are
 * listed (as "erased"), so they are counted and named; paid volume is what customers' payments
 * brought in (an accepted underpayment at what arrived).
 * @param root0
 * @param root0.stats
 */
export default function Statistics( { stats }: { stats: Stats } ) {
	const number = ( n: number ) => n.toLocaleString( pageLocale() );
	return (
		<div
			className="ccb-stats"
			aria-label={ __( 'Customer statistics', 'crypto-customer-bridge' ) }
			role="region"
		>
			<dl className="ccb-stats__numbers">
				<div>
					<dt>{ __( 'Customers', 'crypto-customer-bridge' ) }</dt>
					<dd>
						{ number( stats.customers ) }
						{ stats.erased > 0 && (
							<span className="ccb-stats__note">
								{ sprintf(
									/* translators: %s: number of erased customers */ __(
										'%s erased',
										'crypto-customer-bridge'
									),
									number( stats.erased )
								) }
							</span>
						) }
					</dd>
				</div>
				<div>
					<dt>
						{ __(
							'New in the last 30 days',
							'crypto-customer-bridge'
						) }
					</dt>
					<dd>{ number( stats.newLast30Days ) }</dd>
				</div>
				<div>
					<dt>
						{ __( 'Paid by customers', 'crypto-customer-bridge' ) }
					</dt>
					<dd>
						{ stats.paidVolume.length
							? stats.paidVolume
									.map( ( v ) =>
										formatMoney( v.amount, v.currency )
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
											`${ countryName( c.countryCode ) } (${ number(
												c.customers
											) })`
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

import { dateI18n, getSettings } from '@wordpress/date';

/**
 * A date and time in the site's own format and timezone (Settings → General), which WordPress hands
 * to `wp.date`; not the browser's.
 * @param iso An ISO 8601 timestamp.
 */
export function formatDate( iso: string ): string {
	const { formats } = getSettings();
	return dateI18n( `${ formats.date } ${ formats.time }`, iso, undefined );
}

/**
 * The date alone of an instant, in the site's format and timezone.
 * @param iso An ISO 8601 timestamp.
 */
export function formatDateOnly( iso: string ): string {
	return dateI18n( getSettings().formats.date, iso, undefined );
}

/**
 * A calendar day (YYYY-MM-DD) in the site's date format.
 * @param day The day.
 */
export function formatDay( day: string ): string {
	return dateI18n( getSettings().formats.date, `${ day }T12:00:00Z`, 'UTC' );
}

/**
 * The offset from UTC, in milliseconds, a named timezone had at an instant.
 * @param timeZone An IANA timezone ("Europe/Berlin").
 * @param at       The instant, in milliseconds.
 */
function offsetAt( timeZone: string, at: number ): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat( 'en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		} )
			.formatToParts( at )
			.map( ( p ) => [ p.type, Number( p.value ) ] )
	);
	const wall = Date.UTC(
		parts.year!,
		parts.month! - 1,
		parts.day!,
		parts.hour!,
		parts.minute!,
		parts.second!
	);
	return wall - Math.floor( at / 1000 ) * 1000;
}

/**
 * The instant a site day begins (`days` later), as ISO 8601: "2026-11-25" in Berlin is
 * 2026-11-24T23:00:00Z. With a named timezone the offset is the one that day has (summer time
 * included); with a fixed offset (Settings → General "UTC+2") that offset.
 * @param day  The day (YYYY-MM-DD).
 * @param days Days to add.
 */
export function dayStartInSite( day: string, days = 0 ): string {
	const { timezone } = getSettings();
	const [ y, m, d ] = day.split( '-' ).map( Number );
	const midnightUtc = Date.UTC( y!, m! - 1, d! + days );
	if ( timezone.string ) {
		try {
			// The offset at the guess, then at the instant it gives: right on either side of a change.
			const guess =
				midnightUtc - offsetAt( timezone.string, midnightUtc );
			return new Date(
				midnightUtc - offsetAt( timezone.string, guess )
			).toISOString();
		} catch {
			// A zone this browser does not know: the site's current offset below.
		}
	}
	const offsetHours = Number( timezone.offset ) || 0;
	return new Date( midnightUtc - offsetHours * 3_600_000 ).toISOString();
}

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
 * The instant a site day begins (`days` later), as ISO 8601 with the site's UTC offset: "2026-11-25"
 * in Berlin is 2026-11-25T00:00:00+01:00.
 * @param day  The day (YYYY-MM-DD).
 * @param days Days to add.
 */
export function dayStartInSite( day: string, days = 0 ): string {
	const offsetHours = Number( getSettings().timezone.offset ) || 0;
	const [ y, m, d ] = day.split( '-' ).map( Number );
	const midnightUtc = Date.UTC( y!, m! - 1, d! + days );
	return new Date( midnightUtc - offsetHours * 3_600_000 ).toISOString();
}

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
 * A calendar day (YYYY-MM-DD) in the site's date format.
 * @param day The day.
 */
export function formatDay( day: string ): string {
	return dateI18n( getSettings().formats.date, `${ day }T12:00:00Z`, 'UTC' );
}

// A day in the site's timezone begins at that day's offset, summer time included.
import { setSettings, getSettings } from '@wordpress/date';
import { dayStartInSite } from '../../blocks/shared/dates';

const withTimezone = ( string: string, offset: number ) =>
	setSettings( {
		...getSettings(),
		timezone: { ...getSettings().timezone, string, offset },
	} );

test( 'a named timezone uses the offset of the day itself, not today’s', () => {
	// Berlin's offset today (+1 in winter) must not shift a summer day.
	withTimezone( 'Europe/Berlin', 1 );
	expect( dayStartInSite( '2026-07-01' ) ).toBe( '2026-06-30T22:00:00.000Z' );
	expect( dayStartInSite( '2026-11-25' ) ).toBe( '2026-11-24T23:00:00.000Z' );
	// The range's end: the next day's start, across the change back to winter time.
	expect( dayStartInSite( '2026-10-24', 1 ) ).toBe(
		'2026-10-24T22:00:00.000Z'
	);
	expect( dayStartInSite( '2026-10-25', 1 ) ).toBe(
		'2026-10-25T23:00:00.000Z'
	);
	withTimezone( 'America/New_York', -5 );
	expect( dayStartInSite( '2026-03-08' ) ).toBe( '2026-03-08T05:00:00.000Z' );
	expect( dayStartInSite( '2026-03-09' ) ).toBe( '2026-03-09T04:00:00.000Z' );
} );

test( 'a fixed offset (no named timezone) is used as it is', () => {
	withTimezone( '', 5.5 );
	expect( dayStartInSite( '2026-07-01' ) ).toBe( '2026-06-30T18:30:00.000Z' );
} );

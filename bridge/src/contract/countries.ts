/** ISO 3166-1 alpha-2 codes currently assigned (249). Kept as data so the browser bundle can share it. */
const CODES =
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
	'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
	'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
	'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
	'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
	'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
	'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

export const COUNTRY_CODES: ReadonlySet< string > = new Set(
	CODES.split( ' ' )
);

export function isCountryCode( code: string ): boolean {
	return COUNTRY_CODES.has( code );
}

/**
 * Countries where an address has no postcode, or where it is optional: WooCommerce's own list (its
 * country locale, where the postcode is not required) and the countries without a postal code system
 * (Google's address data). A postcode is required only elsewhere: a shopper from Dubai or Hong Kong
 * must be able to pay at the compliant level.
 */
const WITHOUT_POSTCODES =
	'AE AG AO AW BD BF BH BI BJ BO BS BW BZ CD CF CG CI CK CL CM CO CW DJ DM ER FJ GD GH GM GQ GT GY HK ' +
	'JM KI KM KN KP LY ML MO MR MS MW MZ NP NR NU QA RW SB SC SL SO SR SS ST SY TD TF TG TK TL TO TT TV ' +
	'TZ UG VN VU WS YE ZW';

export const COUNTRIES_WITHOUT_POSTCODES: ReadonlySet< string > = new Set(
	WITHOUT_POSTCODES.split( ' ' )
);

/** Whether an address in this country must have a postcode (an unknown country: yes). */
export function requiresPostcode( code: string | undefined ): boolean {
	return ! COUNTRIES_WITHOUT_POSTCODES.has( ( code ?? '' ).toUpperCase() );
}

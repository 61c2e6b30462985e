/** Our resource ids (checkouts, customers, shops): lowercase UUIDs. PHP routes read this from contract.json. */
export const UUID_PATTERN =
	'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

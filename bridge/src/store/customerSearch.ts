import type { Queryable } from './db';

/**
 * Customer search: a term matches a customer when a field **starts with** it, ignoring case — the
 * first name (or first and last name: "ada lov"), the last name, the email address, the email's
 * domain, the company, the tax id. Each field has a left-anchored index (migration 009), so a one- or
 * two-letter term, a term nothing matches and a term half the shop matches all cost a few index
 * ranges. A substring search over the fields together (the trigram index this replaces) cannot say
 * "no match" for a two-letter term without reading every customer, and at a million customers even a
 * common word's trigrams take tens of milliseconds: too slow for a list that searches as you type.
 *
 * A term with "@" is an email address or its start ("ada@exa"), and searches only the email; one that
 * starts with "@" searches the domain ("@example.com").
 */
const NAME = `lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))`;
const EMAIL = 'email_key';
const DOMAIN = `split_part(email_key, '@', 2)`;
const ALL_FIELDS = [
	NAME,
	'lower(last_name)',
	EMAIL,
	DOMAIN,
	'lower(company)',
	'lower(tax_id)',
];

export interface TermSearch {
	/** The indexed expressions the term is the start of. */
	fields: string[];
	/** The LIKE pattern: the term, lower-cased, wildcards taken literally, then "%". */
	pattern: string;
}

const startsWith = ( text: string ) =>
	`${ text.replace( /[\\%_]/g, ( m ) => `\\${ m }` ) }%`;

export function termSearch( term: string ): TermSearch {
	const t = term.trim().toLowerCase();
	if ( t.startsWith( '@' ) )
		return { fields: [ DOMAIN ], pattern: startsWith( t.slice( 1 ) ) };
	if ( t.includes( '@' ) )
		return { fields: [ EMAIL ], pattern: startsWith( t ) };
	return { fields: ALL_FIELDS, pattern: startsWith( t ) };
}

/** The search as one condition for a page (the planner picks an index range per field or the sort's index). */
export function termCondition( search: TermSearch, param: string ): string {
	return `(${ search.fields.map( ( f ) => `${ f } like ${ param }` ).join( ' or ' ) })`;
}

/**
 * How many customers match, exactly up to `cap`, and which (when no more than `cap`). Counted per field,
 * each stopping at cap + 1, and the ids united: a field with more than `cap` matches means more than
 * `cap` in all, and otherwise every field was counted whole. So the work is bounded by the cap, however
 * common the term. The ids only when the caller pages by them (`wantIds`): an export only counts.
 */
export async function countSearch(
	db: Queryable,
	where: string[],
	values: unknown[],
	search: TermSearch,
	cap: number,
	wantIds: boolean
): Promise< { count: number; capped: boolean; ids: string[] | null } > {
	const params = [ ...values, search.pattern ];
	const pattern = `$${ params.length }`;
	const branches = search.fields.map(
		( f ) =>
			`(select id from customers where ${ [ ...where, `${ f } like ${ pattern }` ].join( ' and ' ) } limit ${ cap + 1 })`
	);
	const rows = await db.query< { n: string; ids: string[] | null } >(
		`select count(*)::text as n, ${ wantIds ? `case when count(*) <= ${ cap } then coalesce(array_agg(id::text), '{}') end` : 'null' } as ids
       from (${ branches.join( ' union ' ) }) as matches`,
		params
	);
	const n = Number( rows[ 0 ]?.n ?? 0 );
	return {
		count: Math.min( n, cap ),
		capped: n > cap,
		ids: rows[ 0 ]?.ids ?? null,
	};
}

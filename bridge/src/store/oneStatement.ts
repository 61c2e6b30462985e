import type { Queryable } from './db';

/** One parameterised SQL statement, not yet sent. */
export interface Statement {
	sql: string;
	params: unknown[];
}

/**
 * Sends several INSERT/UPDATE statements as one (each a data-modifying WITH query), so they commit
 * together without a BEGIN and COMMIT of their own: one round trip where a transaction took two more
 * plus one per statement. All of them read the same snapshot, so none may depend on another's
 * effects; foreign keys between them are fine (they are checked once the statement has run). The parts
 * run in no promised order (PostgreSQL runs them last first): no two may touch the same row, and rows
 * whose ids must follow an order belong in one INSERT (as `auditInsert` does).
 * Placeholders are renumbered, so each statement keeps its own `$1…`; our SQL has no `$` otherwise.
 */
export async function writeAsOne(
	db: Queryable,
	statements: readonly Statement[]
): Promise< void > {
	const params: unknown[] = [];
	const parts = statements.map( ( statement, i ) => {
		const offset = params.length;
		params.push( ...statement.params );
		const sql = statement.sql.replace(
			/\$(\d+)/g,
			( _, n: string ) => `$${ Number( n ) + offset }`
		);
		return `w${ i } as (${ sql })`;
	} );
	await db.query( `with ${ parts.join( ',\n' ) } select 1`, params );
}

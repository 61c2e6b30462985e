import type { Db } from './db';

export interface Migration {
	id: string;
	sql: string;
}

/** Applies, in order, each migration not yet recorded; one transaction each, serialised across processes. */
export async function migrate(
	db: Db,
	migrations: readonly Migration[]
): Promise< string[] > {
	await db.exec(
		`create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`
	);
	const applied: string[] = [];
	for ( const migration of migrations ) {
		const done = await db.transaction( async ( tx ) => {
			await tx.query( 'select pg_advisory_xact_lock(72530001)' );
			const seen = await tx.query(
				'select 1 from schema_migrations where id = $1',
				[ migration.id ]
			);
			if ( seen.length ) return false;
			for ( const statement of splitStatements( migration.sql ) )
				await tx.query( statement );
			await tx.query( 'insert into schema_migrations (id) values ($1)', [
				migration.id,
			] );
			return true;
		} );
		if ( done ) applied.push( migration.id );
	}
	return applied;
}

// Migrations hold plain DDL with no functions or quoted semicolons, so a split on ";" is safe and lets
// each statement run through the extended protocol inside the transaction.
function splitStatements( sql: string ): string[] {
	return sql
		.split( ';' )
		.map( ( s ) => s.trim() )
		.filter( Boolean );
}

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

// Each statement runs on its own through the extended protocol inside the migration's transaction. A
// semicolon splits statements except inside a dollar-quoted body ($$ … $$: a trigger function's code),
// so the split alternates outside/inside at each "$$". Migrations hold no other quoted semicolons.
export function splitStatements( sql: string ): string[] {
	const statements: string[] = [];
	let current = '';
	sql.split( '$$' ).forEach( ( part, i ) => {
		if ( i % 2 ) {
			current += `$$${ part }$$`;
			return;
		}
		const pieces = part.split( ';' );
		current += pieces[ 0 ];
		for ( const piece of pieces.slice( 1 ) ) {
			statements.push( current );
			current = piece;
		}
	} );
	statements.push( current );
	return statements.map( ( s ) => s.trim() ).filter( Boolean );
}

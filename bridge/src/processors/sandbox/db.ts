/**
 * What the sandbox needs of a database: parameterised queries. Declared here, not imported from the
 * bridge's store, so the sandbox shares no code with the bridge it stands in front of.
 */
export interface SandboxDb {
	query: < T = Record< string, unknown > >(
		sql: string,
		params?: unknown[]
	) => Promise< T[] >;
}

export interface SandboxMigration {
	id: string;
	sql: string;
}

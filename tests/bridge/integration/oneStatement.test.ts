// Writes sent as one statement (the checkout path's): each keeps its own placeholders, and they
// commit together or not at all — on PGlite and on PostgreSQL.
import { writeAsOne } from '../../../bridge/src/store/oneStatement';
import { startTestBridge, type TestBridge } from '../support/harness';

let bridge: TestBridge;

beforeAll( async () => {
	bridge = await startTestBridge();
	await bridge.bridge.ctx.db.exec(
		'create table scratch (id int primary key, label text not null)'
	);
} );
afterAll( () => bridge.close() );

const rows = () =>
	bridge.bridge.ctx.db.query< { id: number; label: string } >(
		'select id, label from scratch order by id'
	);

test( 'renumbers each statement’s placeholders and writes them all', async () => {
	await writeAsOne( bridge.bridge.ctx.db, [
		{
			sql: 'insert into scratch (id, label) values ($1, $2)',
			params: [ 1, 'one' ],
		},
		{
			sql: 'insert into scratch (id, label) values ($2, $1)',
			params: [ 'two', 2 ],
		},
	] );
	expect( await rows() ).toEqual( [
		{ id: 1, label: 'one' },
		{ id: 2, label: 'two' },
	] );
} );

test( 'renumbers two-digit placeholders after an offset ($10 stays one placeholder)', async () => {
	const ids = Array.from( { length: 11 }, ( _, i ) => 100 + i );
	await writeAsOne( bridge.bridge.ctx.db, [
		{
			sql: 'insert into scratch (id, label) values ($1, $2)',
			params: [ 99, 'first' ],
		},
		{
			sql: `insert into scratch (id, label) values ${ ids.map( ( _, i ) => `($${ i + 1 }, 'n')` ).join( ', ' ) }`,
			params: ids,
		},
	] );
	const found = await bridge.bridge.ctx.db.query< { id: number } >(
		'select id from scratch where id >= 99 order by id'
	);
	expect( found.map( ( r ) => r.id ) ).toEqual( [ 99, ...ids ] );
	await bridge.bridge.ctx.db.exec( 'delete from scratch where id >= 99' );
} );

test( 'a failing statement leaves nothing of the others', async () => {
	await expect(
		writeAsOne( bridge.bridge.ctx.db, [
			{
				sql: 'insert into scratch (id, label) values ($1, $2)',
				params: [ 3, 'three' ],
			},
			{
				sql: 'update scratch set label = $1 where id = 1',
				params: [ 'changed' ],
			},
			{
				// The same key again: the whole statement fails.
				sql: 'insert into scratch (id, label) values ($1, $2)',
				params: [ 2, 'again' ],
			},
		] )
	).rejects.toThrow( /duplicate key/ );
	expect( await rows() ).toEqual( [
		{ id: 1, label: 'one' },
		{ id: 2, label: 'two' },
	] );
} );

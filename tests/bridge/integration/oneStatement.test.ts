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

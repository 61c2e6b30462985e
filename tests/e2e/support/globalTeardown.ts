import { readFileSync, rmSync } from 'node:fs';
import { STACK_FILE } from './globalSetup';

export default async function globalTeardown() {
	await (
		globalThis as { ccbStack?: { stop: () => Promise< void > } }
	 ).ccbStack?.stop();
	( globalThis as { ccbSmtp?: { kill: () => void } } ).ccbSmtp?.kill();
	const { dir } = JSON.parse( readFileSync( STACK_FILE, 'utf8' ) ) as {
		dir: string;
	};
	if ( ! process.env.KEEP_E2E_STACK )
		rmSync( dir, { recursive: true, force: true } );
	rmSync( STACK_FILE, { force: true } );
}

import { rmSync } from 'node:fs';
import { STACK_FILE } from './globalSetup';

export default async function globalTeardown() {
  await (globalThis as { ccbStack?: { stop(): Promise<void> } }).ccbStack?.stop();
  rmSync(STACK_FILE, { force: true });
}

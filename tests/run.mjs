// The one test command: type checks, then every bridge test against PGlite and against a real
// PostgreSQL server started here (or the one in TEST_DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres } from '../dev/postgres.mjs';

const only = process.argv[2];
const jest = ['node_modules/.bin/jest', '--ci'];
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim() };

const reports = mkdtempSync(path.join(tmpdir(), 'ccb-jest-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** Runs jest and adds its test counts to the totals; a suite that fails to load counts as a failure. */
function jestStep(title, extraEnv) {
  const report = path.join(reports, `${title.replace(/\W+/g, '-')}.json`);
  const ok = step(title, jest[0], [...jest.slice(1), '--json', `--outputFile=${report}`], extraEnv);
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    totals.skipped += r.numPendingTests;
  } catch {
    totals.failed += 1;
  }
  return ok;
}

const results = [];
if (!only || only === 'bridge') {
  results.push(step('type check', 'node_modules/.bin/tsc', ['--noEmit', '-p', 'tsconfig.json']));
  results.push(jestStep('bridge on PGlite', { TEST_DATABASE_URL: '' }));
  let pg = null;
  let url = process.env.TEST_DATABASE_URL;
  try {
    if (!url) {
      pg = await startPostgres();
      url = pg.url;
    }
    results.push(jestStep('bridge on PostgreSQL', { TEST_DATABASE_URL: url }));
  } finally {
    pg?.stop();
  }
}

const stepsFailed = results.filter((ok) => !ok).length;
if (stepsFailed && !totals.failed) totals.failed = stepsFailed;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(stepsFailed ? 1 : 0);

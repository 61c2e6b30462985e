// Builds the plugin's browser code when plugin/build is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const marker = 'plugin/build/contract.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < Math.max(newest('blocks'), newest('bridge/src/contract'))) {
  console.log('Building the plugin scripts…');
  execSync('npm run build --silent', { stdio: 'inherit' });
}

// The local stack: the bridge (embedded database, sandbox processor), MariaDB in a private data
// directory, and a real WordPress 6.8 served by PHP's built-in server with the plugin active and
// connected. Used by `npm start` and by the end-to-end tests.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystem } from './system.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORDPRESS_CORE = path.join(ROOT, '.cache/wordpress-6.8');

export async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(check, what, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Starts a process in its own group so it and its children (php -S workers) stop together. */
function startProcess(cmd, args, options) {
  // Servers' own output goes nowhere: their logs are in the stack directory (WordPress) or unused.
  const child = spawn(cmd, args, { ...options, detached: true, stdio: 'ignore' });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 5000).unref();
      }),
  };
}

export function ensureWordPressCore() {
  if (!existsSync(path.join(WORDPRESS_CORE, 'wp-includes/version.php'))) {
    console.log('Fetching WordPress 6.8 (Debian trixie package)…');
    execFileSync('bash', [path.join(ROOT, 'dev/wordpress/fetch-wordpress.sh'), WORDPRESS_CORE], { stdio: 'inherit' });
  }
}

async function startMariaDb(dir) {
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  if (!existsSync(path.join(data, 'mysql'))) {
    mkdirSync(data, { recursive: true });
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
  }
  const port = await freePort();
  const proc = startProcess(
    'mariadbd',
    ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1', '--user=root', '--skip-log-bin', '--innodb-buffer-pool-size=64M', `--pid-file=${path.join(dir, 'mysqld.pid')}`],
    {},
  );
  await waitFor(() => existsSync(socket), 'MariaDB');
  execFileSync('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci']);
  return { socket, stop: proc.stop };
}

function writeWpConfig(site, { socket, url, debugLog }) {
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => `define( '${k}', '${randomBytes(32).toString('hex')}' );`)
    .join('\n');
  writeFileSync(
    path.join(site, 'wp-config.php'),
    `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${salts}
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '${debugLog}' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
// No internet here: only loopback is reachable, so WordPress must not wait on update checks.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
  );
}

/**
 * Starts everything. `dir` holds all state (bridge data, database, site); `pluginDir` is the plugin
 * to install (the repository's plugin/ by default, or an unpacked zip).
 */
export async function startStack({ dir, pluginDir = path.join(ROOT, 'plugin'), level = 'minimal', wpPort, bridgePort, locale = '' }) {
  ensureSystem(['php', 'mysqli', 'curl', 'xml', 'mbstring', 'intl', 'mariadb']);
  ensureWordPressCore();
  mkdirSync(dir, { recursive: true });
  const stoppers = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s();
  };
  try {
    // Bridge.
    const bridgeDir = path.join(dir, 'bridge');
    const bPort = bridgePort ?? (await freePort());
    const bridgeUrl = `http://127.0.0.1:${bPort}`;
    const bridge = startProcess(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'bridge/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(bPort), DATA_DIR: bridgeDir, LOG_LEVEL: 'warn', DEMO_SHOP: 'on', RECONCILE_INTERVAL_MS: '15000', RECONCILE_MIN_AGE_S: '30', EVENT_RETRY_BASE_MS: '1000', EVENT_RETRY_MAX_MS: '30000' },
    });
    stoppers.push(bridge.stop);
    await waitFor(async () => (await fetch(`${bridgeUrl}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok, 'the bridge', 60000);
    // The demo shop's string was written at the bridge's first start; it may have had another port then.
    const connectionString = readFileSync(path.join(bridgeDir, 'demo-connection.txt'), 'utf8').trim().replace(/@[^/]+/, `@127.0.0.1:${bPort}`);

    // Database.
    const db = await startMariaDb(path.join(dir, 'mariadb'));
    stoppers.push(db.stop);

    // WordPress.
    const site = path.join(dir, 'site');
    if (!existsSync(path.join(site, 'wp-load.php'))) cpSync(WORDPRESS_CORE, site, { recursive: true });
    // The working tree is linked, so edits show at once; any other copy (an unpacked zip) is
    // installed as a real folder, which WordPress can replace or delete like any plugin.
    const installed = path.join(site, 'wp-content/plugins/crypto-customer-bridge');
    rmSync(installed, { recursive: true, force: true });
    if (path.resolve(pluginDir) === path.join(ROOT, 'plugin')) symlinkSync(path.resolve(pluginDir), installed);
    else cpSync(pluginDir, installed, { recursive: true });
    const wPort = wpPort ?? (await freePort());
    const url = `http://127.0.0.1:${wPort}`;
    writeWpConfig(site, { socket: db.socket, url, debugLog: path.join(dir, 'wordpress-debug.log') });
    // There is no mail server here; keep WordPress from failing where it would send mail.
    mkdirSync(path.join(site, 'wp-content/mu-plugins'), { recursive: true });
    writeFileSync(path.join(site, 'wp-content/mu-plugins/local-no-mail.php'), "<?php\n// Local stack only: no mail server.\nadd_filter( 'pre_wp_mail', '__return_true' );\n");
    const php = startProcess('php', ['-d', 'opcache.enable_cli=1', '-d', 'memory_limit=256M', '-S', `127.0.0.1:${wPort}`, '-t', site, path.join(ROOT, 'dev/wordpress/router.php')], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    });
    stoppers.push(php.stop);
    await waitFor(() => new Promise((resolve) => net.connect(wPort, '127.0.0.1').once('connect', function () { this.end(); resolve(true); }).once('error', () => resolve(false))), 'PHP');

    const admin = { user: 'admin', password: 'password' };
    const summary = JSON.parse(
      execFileSync('php', [path.join(ROOT, 'dev/wordpress/provision.php'), site, JSON.stringify({ url, adminUser: admin.user, adminPassword: admin.password, connectionString, level, locale, demoPage: true })], { encoding: 'utf8' }),
    );
    return { url, bridgeUrl, admin, demoPage: summary.demoPage, site, dir, connectionString, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Starts and stops a throwaway PostgreSQL cluster for tests (no Docker): initdb into a temporary folder,
// listen on 127.0.0.1 at a free port, trust auth. As root, the server runs as the `postgres` user.
// CLI: `node scripts/pg-temp.mjs start` prints `<url> <dir>`; `node scripts/pg-temp.mjs stop <dir>`.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function binDir() {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    /* fall through to the Debian layout */
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function runAsPostgres(bin, args) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startTempPostgres() {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-pg-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  runAsPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${process.env.OTKAZ_PG_DEBUG ? "-c log_statement=ddl -c log_line_prefix='%m [%p] %d '" : ''}`;
  runAsPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  writeFileSync(path.join(dir, 'url'), url);
  return { url, dir };
}

export function stopTempPostgres(dir) {
  if (process.env.OTKAZ_KEEP_PG_LOG) {
    try {
      execFileSync('cp', [path.join(dir, 'server.log'), process.env.OTKAZ_KEEP_PG_LOG]);
    } catch {
      /* no log */
    }
  }
  try {
    runAsPostgres(path.join(binDir(), 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const started = await startTempPostgres();
    process.stdout.write(`${started.url} ${started.dir}\n`);
  } else if (command === 'stop' && dir) {
    stopTempPostgres(dir);
  } else {
    process.stderr.write('usage: pg-temp.mjs start | stop <dir>\n');
    process.exit(2);
  }
}

// Loaded into every test process: any outgoing connection that is not to loopback or a Unix socket
// throws, so a test that reaches the network fails instead of silently depending on it.
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;
const originalConnect = net.Socket.prototype.connect;

function target(args: unknown[]): { host?: string; path?: string } {
  const first = args[0];
  if (Array.isArray(first)) return target(first);
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return { host: options.host ?? (options.path ? undefined : 'localhost'), path: options.path };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
}

net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const { host, path } = target(args);
  if (!path && host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`test tried to reach the network: ${host}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

// Nor does a test touch the user's own configuration folder, where the case files' key-encryption key lives by
// default (src/config/config.ts defaultKekFile): each test process (and its children) gets a folder of its own.
if (!process.env.OTKAZ_TEST_CONFIG_HOME) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.OTKAZ_TEST_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'otkaz-test-config-'));
  process.env.XDG_CONFIG_HOME = process.env.OTKAZ_TEST_CONFIG_HOME;
}

// A timer past 2^31 ms is run after 1 ms by Node, with a warning: a bug wherever it happens, and a hang when it
// re-arms itself (the embedded PostgreSQL's timers read Date: one armed while a test had mocked Date into the future
// fired every millisecond for good and held the CI run until its timeout). The test process stops at the first.
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutOverflowWarning') return;
  process.stderr.write(`\nFATAL in a test process: ${warning.message}\n${warning.stack ?? ''}\n`);
  process.exit(70);
});

// The embedded engine zeroes its shared buffers at every start: 16MB instead of PostgreSQL's 128MB halves the CPU of
// a start (≈ 0.45 → 0.25 s), and the tests start it hundreds of times. Children (CLI, servers) inherit it.
process.env.OTKAZ_PGLITE_SHARED_BUFFERS ??= '16MB';

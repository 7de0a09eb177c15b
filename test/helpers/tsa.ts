// A local RFC 3161 time-stamping authority for tests and the benchmark: Debian's `openssl ts -reply` behind a
// node:http server on 127.0.0.1. Its CA and TSA keys are made in a temporary folder for each start (P-256, a TSA
// certificate with extendedKeyUsage critical timeStamping) and removed at close: no private key is ever committed.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LocalTsa {
  url: string;
  /** The CA certificate (PEM) that signed the TSA's certificate: what `openssl ts -verify -CAfile` is given. */
  caFile: string;
  /** Requests answered so far. */
  requests(): number;
  /** The User-Agent of the last request. */
  lastUserAgent(): string | null;
  /** Makes the next answers come from `answer` (e.g. a foreign token, a refusal); null: openssl again. */
  override(answer: ((query: Uint8Array) => Promise<{ status: number; body: Uint8Array }>) | null): void;
  /** openssl's own reply to a query (for overrides that alter it). */
  reply(query: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

function openssl(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd }, (error, _stdout, stderr) => (error ? reject(new Error(`openssl ${args.slice(0, 2).join(' ')}: ${stderr}`)) : resolve()));
  });
}

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(path.join(tmpdir(), 'otkaz-tsa-'));
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await openssl(
    [
      'req',
      '-x509',
      ...key,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=otkaz test TSA CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  await openssl(['req', ...key, '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=otkaz test TSA'], dir);
  await writeFile(path.join(dir, 'tsa.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  await openssl(
    ['x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '2', '-extfile', 'tsa.ext'],
    dir,
  );
  await writeFile(path.join(dir, 'serial'), '01\n');
  await writeFile(
    path.join(dir, 'tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `dir = ${dir}`,
      'serial = $dir/serial',
      'crypto_device = builtin',
      'signer_cert = $dir/tsa.pem',
      'certs = $dir/ca.pem',
      'signer_key = $dir/tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  let count = 0;
  let userAgent: string | null = null;
  let custom: ((query: Uint8Array) => Promise<{ status: number; body: Uint8Array }>) | null = null;
  // openssl updates the serial file on each reply: one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;
  const reply = (query: Uint8Array): Promise<Uint8Array> => {
    const next = queue.then(async () => {
      n += 1;
      const q = path.join(dir, `q${n}.tsq`);
      const r = path.join(dir, `r${n}.tsr`);
      await writeFile(q, query);
      await openssl(['ts', '-reply', '-queryfile', q, '-config', path.join(dir, 'tsa.cnf'), '-out', r], dir);
      const bytes = new Uint8Array(await readFile(r));
      await rm(q);
      await rm(r);
      return bytes;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count += 1;
      userAgent = req.headers['user-agent'] ?? null;
      const query = new Uint8Array(Buffer.concat(chunks));
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(415).end();
        return;
      }
      const answer = custom ? custom(query) : reply(query).then((body) => ({ status: 200, body }));
      answer.then(
        ({ status, body }) => res.writeHead(status, { 'content-type': 'application/timestamp-reply' }).end(body),
        (error: Error) => res.writeHead(500).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    caFile: path.join(dir, 'ca.pem'),
    requests: () => count,
    lastUserAgent: () => userAgent,
    override(answer) {
      custom = answer;
    },
    reply,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

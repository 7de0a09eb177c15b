// The HTTP client shared by the crawler and the statistics fetcher, against a local server: who it says it is,
// redirects, the simulator rewrite, and each way a request ends without an answer (timeout, connection refused,
// a body over the bound) as one coded error kind.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HttpError, httpClient, retryAfterMs, userAgent } from '../../src/shared/http.ts';

describe('HTTP client', () => {
  let server: http.Server;
  let base = '';
  const seen: { url: string; agent: string | undefined; accept: string | undefined; cookie: string | undefined }[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', agent: req.headers['user-agent'], accept: req.headers.accept, cookie: req.headers.cookie });
      if (req.url === '/moved') return void res.writeHead(302, { location: '/target' }).end();
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        // 64 KiB in 16 chunks, no content-length: the bound is counted while reading.
        for (let i = 0; i < 16; i += 1) res.write(Buffer.alloc(4096, 7));
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'text/plain', 'x-echo': 'yes' }).end(`path ${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("names otkaz and the contact, sends the Accept asked for (or the client's own), follows redirects", async () => {
    const agent = userAgent('tests', 'tests@example.org');
    assert.equal(agent, 'otkaz/0.1 (tests; contact: tests@example.org)');
    const client = httpClient({ userAgent: agent, timeoutMs: 5000, accept: 'text/html,*/*' });
    const moved = await client.get(`${base}/moved`);
    assert.deepEqual([moved.url, moved.status, Buffer.from(moved.bytes).toString()], [`${base}/moved`, 200, 'path /target']);
    assert.ok(moved.headers.some(([k, v]) => k === 'x-echo' && v === 'yes'));
    await client.get(`${base}/json`, { accept: 'application/json' });
    assert.deepEqual(
      seen.slice(-3).map((s) => [s.url, s.agent, s.accept]),
      [
        ['/moved', agent, 'text/html,*/*'],
        ['/target', agent, 'text/html,*/*'],
        ['/json', agent, 'application/json'],
      ],
    );
  });

  it("the crawler's client returns a redirect as it came (status, Location) and sends the Cookie it is given", async () => {
    const client = httpClient({ userAgent: 'otkaz-test', timeoutMs: 5000, followRedirects: false });
    const before = seen.length;
    const moved = await client.get(`${base}/moved`, { cookie: 'PHPSESSID=abc' });
    assert.deepEqual([moved.status, moved.headers.find(([k]) => k === 'location')?.[1]], [302, '/target']);
    assert.deepEqual(
      seen.slice(before).map((s) => [s.url, s.cookie]),
      [['/moved', 'PHPSESSID=abc']],
      'the target was not asked for',
    );
  });

  it('sends https://host/p to <mirror>/host/p (the simulator)', async () => {
    const client = httpClient({ userAgent: 'otkaz-test', timeoutMs: 5000, mirrorBase: `${base}/` });
    const r = await client.get('https://gvs--ros.sudrf.ru/modules.php?name=sud_delo');
    assert.equal(r.url, 'https://gvs--ros.sudrf.ru/modules.php?name=sud_delo', "the URL asked for, not the mirror's");
    assert.equal(Buffer.from(r.bytes).toString(), 'path /gvs--ros.sudrf.ru/modules.php?name=sud_delo');
  });

  it('a timeout, a refused connection and a body over the bound are HttpErrors of their kind', async () => {
    const expectKind = (kind: string, message: RegExp) => (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.kind, kind);
      assert.match(error.message, message);
      return true;
    };
    await assert.rejects(httpClient({ userAgent: 'otkaz-test', timeoutMs: 100 }).get(`${base}/slow`), expectKind('timeout', /^timeout after 100 ms$/));
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(httpClient({ userAgent: 'otkaz-test', timeoutMs: 5000 }).get(`http://127.0.0.1:${port}/`), expectKind('network', /^network: /));
    await assert.rejects(
      httpClient({ userAgent: 'otkaz-test', timeoutMs: 5000, maxBodyBytes: 10_000 }).get(`${base}/big`),
      expectKind('too_large', /^body larger than 10000 bytes$/),
    );
    const whole = await httpClient({ userAgent: 'otkaz-test', timeoutMs: 5000, maxBodyBytes: 65_536 }).get(`${base}/big`);
    assert.equal(whole.bytes.length, 65_536, 'a body of exactly the bound is read whole');
  });

  it('an aborted signal stops the request', async () => {
    const controller = new AbortController();
    const pending = httpClient({ userAgent: 'otkaz-test', timeoutMs: 5000, signal: controller.signal }).get(`${base}/slow`);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (error: unknown) => error instanceof HttpError && error.kind === 'network');
  });

  it('Retry-After: seconds, an HTTP date, or the fallback', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    assert.equal(retryAfterMs([['Retry-After', '120']], 5, now), 120_000);
    assert.equal(retryAfterMs([['retry-after', 'Sat, 10 Jan 2026 12:01:30 GMT']], 5, now), 90_000);
    assert.equal(retryAfterMs([['retry-after', 'Sat, 10 Jan 2026 11:00:00 GMT']], 5, now), 0, 'a date in the past: now');
    assert.equal(retryAfterMs([['retry-after', 'soon']], 5, now), 5);
    assert.equal(retryAfterMs([], 5, now), 5);
  });
});

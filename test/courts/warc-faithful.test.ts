// Faithful WARC records (#15), on both engines: a capture made by GNU wget (with and without --warc-dedup) ingests
// completely — request records, revisit records resolved by payload digest, resource and metadata records — and the
// export re-emits every original record byte for byte. Fixtures: test/fixtures/warc/SOURCES.md (synthetic pages).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import { exportWarc } from '../../src/courts/archive/export.ts';
import { decodeBody } from '../../src/courts/archive/warc.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { ingestFiles } from '../../src/courts/ingest-files.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES } from '../helpers/engines.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const KEY = 'test-person-key-0123456789';
const directory = loadDirectory();
const RUN1 = path.join(FIXTURES, 'warc', 'wget-run1.warc');
const RUN2 = path.join(FIXTURES, 'warc', 'wget-dedup-run2.warc');

/** The records of a WARC file, split by hand (a second, independent reader): each one's bytes and WARC headers. */
function splitRecords(bytes: Buffer): { bytes: Buffer; headers: Map<string, string> }[] {
  const out: { bytes: Buffer; headers: Map<string, string> }[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    assert.ok(end > 0, 'a header block ends');
    const head = bytes.subarray(at, end).toString('latin1');
    const headers = new Map<string, string>();
    for (const line of head.split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
    }
    const length = Number(headers.get('content-length'));
    const next = end + 4 + length + 4;
    out.push({ bytes: bytes.subarray(at, next), headers });
    at = next;
    while (bytes[at] === 13 || bytes[at] === 10) at += 1;
  }
  return out;
}

for (const engine of ENGINES) {
  describe(`faithful WARC records: ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    const dir = tempDir('otkaz-faithful-');
    before(async () => {
      ({ db, drop } = await engine.create());
    });
    after(() => drop());

    it('a .wacz that is no zip is refused with a coded error, given alone or inside a folder — never stored as a page or skipped', async () => {
      const wacz = path.join(dir, 'capture.wacz');
      writeFileSync(wacz, Buffer.from('PK\u0003\u0004 synthetic, not a real zip'));
      for (const target of [wacz, dir]) {
        const outcomes = await ingestFiles(db, directory, KEY, [target]);
        assert.equal(outcomes.length, 1);
        assert.equal(outcomes[0]?.failure?.code, 'archive.wacz_invalid');
        assert.equal(outcomes[0]?.captureId, null);
      }
      const [row] = await db.query<{ n: number }>('select count(*)::int as n from captures');
      assert.equal(row?.n, 0);
    });

    it("wget's dedup WARC without the original: every revisit is reported with a code naming its record, nothing stored", async () => {
      const outcomes = await ingestFiles(db, directory, KEY, [RUN2]);
      const revisits = outcomes.filter((o) => o.failure?.code === 'archive.revisit_unresolved');
      assert.equal(revisits.length, 4, 'index.html, robots.txt, a.css, dot.png');
      for (const o of revisits) {
        assert.equal(o.file, RUN2);
        assert.match(o.failure?.reason ?? '', /^revisit record <urn:uuid:[0-9a-f-]{36}>: no capture in the archive has its payload \(sha1:/);
      }
      const [row] = await db.query<{ n: number }>("select count(*)::int as n from captures where record_type = 'revisit'");
      assert.equal(row?.n, 0);
    });

    it('the original run, then the dedup run: every response, resource and metadata record is a capture; revisits resolved by digest', async () => {
      const first = await ingestFiles(db, directory, KEY, [RUN1]);
      assert.deepEqual(
        first.filter((o) => o.failure),
        [],
      );
      const second = await ingestFiles(db, directory, KEY, [RUN2]);
      assert.deepEqual(
        second.filter((o) => o.failure),
        [],
      );
      const rows = await db.query<{ url: string; record_type: string; sha256: string; http_status: number | null }>(
        'select url, record_type, sha256, http_status from captures order by id',
      );
      // Each revisit has the body of the response it revisits, and is a capture of its own even in the same second as
      // its original (same URL, body and time): a revisit is a different record, and the export must re-emit it.
      assert.equal(second.filter((o) => o.captureId !== null && o.file === RUN2).length >= 4, true);
      for (const url of ['index.html', 'robots.txt', 'css/a.css', 'dot.png']) {
        const original = rows.find((r) => r.record_type === 'response' && r.url.endsWith(`/${url}`));
        const outcome = second.find((o) => o.sha256 === original?.sha256);
        assert.ok(outcome, `${url}: the revisit resolved to the original's body`);
      }
      assert.equal(rows.filter((r) => r.record_type === 'revisit').length, 4, 'index.html, robots.txt, a.css, dot.png');
      // Page requisites are not court pages.
      const kinds = await db.query<{ url: string; page_kind: string }>("select url, page_kind from captures where record_type = 'response' order by id");
      assert.deepEqual(
        kinds.map((k) => [k.url.replace('http://127.0.0.1:18765/', ''), k.page_kind]),
        [
          ['index.html', 'unknown'],
          ['robots.txt', 'http_error'],
          ['css/a.css', 'requisite'],
          ['dot.png', 'requisite'],
        ],
      );
      assert.ok(rows.some((r) => r.record_type === 'metadata' && r.url.startsWith('metadata://gnu.org/software/wget/warc/MANIFEST.txt')));
      assert.ok(rows.some((r) => r.record_type === 'resource' && r.url.endsWith('wget_arguments.txt')));
    });

    it('keeps the request that was sent and the response head as received: status line, header names, case and order', async () => {
      const [row] = await db.query<{ http_head: Uint8Array; request_block: Uint8Array; http_headers: [string, string][]; ip_address: string }>(
        "select http_head, request_block, http_headers, ip_address from captures where record_type = 'response' and url like '%/robots.txt'",
      );
      assert.ok(row);
      const head = Buffer.from(row.http_head).toString('latin1');
      assert.match(head, /^HTTP\/1\.0 404 File not found\r\nServer: SimpleHTTP/);
      assert.deepEqual(
        row.http_headers.map(([name]) => name),
        ['Server', 'Date', 'Connection', 'Content-Type', 'Content-Length'],
      );
      assert.match(
        Buffer.from(row.request_block).toString('latin1'),
        /^GET \/robots\.txt HTTP\/1\.1\r\nHost: 127\.0\.0\.1:18765\r\nUser-Agent: Wget\/1\.21\.3\r\n/,
      );
      assert.equal(row.ip_address, '127.0.0.1');
    });

    it('the export re-emits every original record byte for byte, with the real WARC-Filename; two readers agree', async () => {
      const out = path.join(dir, 'faithful-export.warc');
      await exportWarc(db, out);
      const exported = readFileSync(out);
      const stored = new Set((await db.query<{ id: string }>("select warc_record_id as id from captures where record_type = 'revisit'")).map((r) => r.id));
      const run2 = splitRecords(readFileSync(RUN2));
      const kept = new Set([
        ...stored,
        ...run2.filter((r) => stored.has(r.headers.get('warc-record-id') ?? '')).map((r) => r.headers.get('warc-concurrent-to') ?? ''),
      ]);
      const originals = [
        ...splitRecords(readFileSync(RUN1)),
        ...run2.filter((r) => r.headers.get('warc-type') !== 'revisit' && r.headers.get('warc-type') !== 'request'),
        ...run2.filter((r) => kept.has(r.headers.get('warc-record-id') ?? '')),
      ].filter((r) => r.headers.get('warc-type') !== 'warcinfo');
      for (const record of originals) {
        assert.ok(exported.includes(record.bytes), `${record.headers.get('warc-type')} ${record.headers.get('warc-record-id')} is in the export unchanged`);
      }
      const ours = splitRecords(exported);
      assert.equal(ours[0]?.headers.get('warc-filename'), 'faithful-export.warc');
      // No invented request: every request in the export is one wget wrote.
      const requests = ours.filter((r) => r.headers.get('warc-type') === 'request');
      assert.equal(requests.length, originals.filter((r) => r.headers.get('warc-type') === 'request').length);
      // warcio reads the same records, with their headers and ids.
      const ids: string[] = [];
      for await (const record of new WARCParser([exported], { keepHeadersCase: true })) {
        ids.push(record.warcHeader('WARC-Record-ID') ?? '');
        await record.readFully(false);
      }
      assert.deepEqual(
        ids,
        ours.map((r) => r.headers.get('warc-record-id')),
      );
    });

    it('a part of the archive brings the original of each revisit in it: a fresh archive resolves the revisit from the file alone', async () => {
      const [revisit] = await db.query<{ id: number; url: string; sha256: string }>(
        "select id, url, sha256 from captures where record_type = 'revisit' and url like '%/css/a.css' order by id limit 1",
      );
      assert.ok(revisit);
      const out = path.join(dir, 'part.warc');
      assert.equal(await exportWarc(db, out, { captureIds: [revisit.id] }), 2, 'the revisit and its original');
      const types = splitRecords(readFileSync(out)).map((r) => r.headers.get('warc-type'));
      assert.deepEqual(
        types.filter((t) => t === 'response' || t === 'revisit'),
        ['response', 'revisit'],
        'the original first, then the revisit (each with its request and metadata records)',
      );
      const fresh = await engine.create();
      try {
        const outcomes = await ingestFiles(fresh.db, directory, KEY, [out]);
        assert.deepEqual(
          outcomes.filter((o) => o.failure),
          [],
        );
        const rows = await fresh.db.query<{ record_type: string; sha256: string }>('select record_type, sha256 from captures order by id');
        assert.deepEqual(
          rows.map((r) => r.record_type),
          ['response', 'revisit'],
        );
        assert.ok(
          rows.every((r) => r.sha256 === revisit.sha256),
          "the revisit resolves to its original's body",
        );
      } finally {
        await fresh.drop();
      }
    });
  });
}

describe('decoding bodies for parsing', () => {
  it('undoes br, gzip-in-chunks and leaves what it cannot decode as it came', () => {
    const html = Buffer.from('<html><body>synthetic</body></html>');
    assert.deepEqual(decodeBody(brotliCompressSync(html), [['Content-Encoding', 'br']]), html);
    const chunked = Buffer.concat([Buffer.from(`${html.length.toString(16)}\r\n`), html, Buffer.from('\r\n0\r\n\r\n')]);
    assert.deepEqual(decodeBody(chunked, [['Transfer-Encoding', 'chunked']]), html);
    const broken = Buffer.from('not brotli');
    assert.deepEqual(decodeBody(broken, [['content-encoding', 'br']]), broken);
  });
});

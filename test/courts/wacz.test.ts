// WACZ 1.1.1 import and export (#15), on both engines. The export of the wget fixtures (test/fixtures/warc/SOURCES.md,
// synthetic pages) is read back by two readers that share no code with the writer — yauzl in this process and Python's
// zipfile module — and imported into a fresh archive; a WACZ written by Python (deflated entries, a gzipped WARC)
// imports as its WARCs do; a tampered WACZ and a zip that is not a WACZ give nothing at all.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { cdxTimestamp, exportWacz, surt } from '../../src/courts/archive/wacz.ts';
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
const NOW = new Date('2026-05-04T10:20:30.000Z');

/** Python's zipfile reads the WACZ: entries, compression, hashes, and each CDXJ line's record at its offset. */
const PYTHON_CHECK = String.raw`
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = {"names": z.namelist(), "stored": {i.filename: i.compress_type == zipfile.ZIP_STORED for i in z.infolist()}}
pkg_bytes = z.read("datapackage.json")
pkg = json.loads(pkg_bytes)
out["profile"] = pkg.get("profile"); out["version"] = pkg.get("wacz_version"); out["created"] = pkg.get("created")
out["hashes"] = {r["path"]: ("sha256:" + hashlib.sha256(z.read(r["path"])).hexdigest() == r["hash"] and len(z.read(r["path"])) == r["bytes"]) for r in pkg["resources"]}
digest = json.loads(z.read("datapackage-digest.json"))
out["digest"] = digest["path"] == "datapackage.json" and digest["hash"] == "sha256:" + hashlib.sha256(pkg_bytes).hexdigest()
data = z.read("archive/data.warc")
lines = z.read("indexes/index.cdxj").decode().splitlines()
out["sorted"] = lines == sorted(lines)
checks = []
for line in lines:
    key, ts, js = line.split(" ", 2)
    f = json.loads(js)
    rec = data[int(f["offset"]):int(f["offset"]) + int(f["length"])]
    head = rec[:rec.index(b"\r\n\r\n")].decode("latin1").split("\r\n")
    h = {l.split(":", 1)[0].lower(): l.split(":", 1)[1].strip() for l in head[1:]}
    checks.append({"url": f["url"], "key": key, "ts": ts, "type": h.get("warc-type"), "uri": h.get("warc-target-uri", "").strip("<>"),
                   "starts": head[0], "ends": rec.endswith(b"\r\n\r\n"), "filename": f["filename"], "digest": f["digest"] == h.get("warc-payload-digest", f["digest"])})
out["records"] = checks
out["pages"] = [json.loads(l) for l in z.read("pages/pages.jsonl").decode().splitlines()]
print(json.dumps(out))
`;

interface PythonView {
  names: string[];
  stored: Record<string, boolean>;
  profile: string;
  version: string;
  created: string;
  hashes: Record<string, boolean>;
  digest: boolean;
  sorted: boolean;
  records: { url: string; key: string; ts: string; type: string; uri: string; starts: string; ends: boolean; filename: string; digest: boolean }[];
  pages: Record<string, string>[];
}

/** A WACZ written by Python: deflated entries, the first WARC gzipped inside, hashes as the datapackage gives them. */
const PYTHON_WRITE = String.raw`
import gzip, hashlib, json, sys, zipfile
out, run1, run2 = sys.argv[1:4]
files = {"archive/run1.warc.gz": gzip.compress(open(run1, "rb").read()), "archive/run2.warc": open(run2, "rb").read(),
         "pages/pages.jsonl": b'{"format":"json-pages-1.0","id":"pages","title":"All Pages"}\n'}
res = [{"name": p.split("/")[-1], "path": p, "hash": "sha256:" + hashlib.sha256(b).hexdigest(), "bytes": len(b)} for p, b in files.items()]
pkg = json.dumps({"profile": "data-package", "wacz_version": "1.1.1", "resources": res}).encode()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for p, b in files.items(): z.writestr(p, b)
    z.writestr("datapackage.json", pkg)
    z.writestr("datapackage-digest.json", json.dumps({"path": "datapackage.json", "hash": "sha256:" + hashlib.sha256(pkg).hexdigest()}))
`;

/** Every entry of a zip, read with yauzl (not otkaz's reader). */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
    out.set(entry.fileName, Buffer.concat(parts));
  }
  zip.close();
  return out;
}

async function writeZip(file: string, entries: Record<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(entries)) zip.addBuffer(bytes, name, { mtime: NOW });
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream) parts.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(parts));
}

type Capture = { url: string; sha256: string; record_type: string | null };
const capturesOf = async (db: Database): Promise<string[]> =>
  (await db.query<Capture>('select url, sha256, record_type from captures order by id')).map((c) => `${c.record_type} ${c.sha256} ${c.url}`).sort();
const countOf = async (db: Database): Promise<number> => (await db.query<{ n: number }>('select count(*)::int as n from captures'))[0]?.n ?? -1;

describe('WACZ index keys', () => {
  it('SURT: host reversed, www dropped, port kept, query sorted, lower-case; an IP address and a non-http URL as they are', () => {
    assert.equal(surt('https://www.Example.com/A/b?z=1&a=2'), 'com,example)/a/b?a=2&z=1');
    assert.equal(surt('http://example.com/?Z=1&a=2'), 'com,example)/?a=2&z=1', 'sorted once lower-cased');
    assert.equal(surt('http://sub.example.org:8080/'), 'org,example,sub:8080)/');
    assert.equal(surt('http://127.0.0.1:18765/index.html'), '127.0.0.1:18765)/index.html');
    assert.equal(surt('https://example.com:443/x'), 'com,example)/x');
    assert.equal(surt('metadata://gnu.org/software/wget/warc/MANIFEST.txt'), 'metadata://gnu.org/software/wget/warc/manifest.txt');
    assert.equal(cdxTimestamp('2026-05-04T10:20:30.123Z'), '20260504102030');
    assert.equal(cdxTimestamp('yesterday'), null);
  });
});

for (const engine of ENGINES) {
  describe(`WACZ import and export: ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    const dir = tempDir('otkaz-wacz-');
    const wacz = path.join(dir, 'export.wacz');
    before(async () => {
      ({ db, drop } = await engine.create());
      const outcomes = await ingestFiles(db, directory, KEY, [RUN1, RUN2]);
      assert.deepEqual(
        outcomes.filter((o) => o.failure),
        [],
      );
    });
    after(() => drop());

    it('exports the wget captures as a WACZ that Python and yauzl read: entries, STORED WARC, hashes, CDXJ offsets, pages', async () => {
      const result = await exportWacz(db, wacz, { now: NOW });
      assert.equal(result.captures, await countOf(db));
      const view = JSON.parse(execFileSync('python3', ['-c', PYTHON_CHECK, wacz], { encoding: 'utf8' })) as PythonView;
      assert.deepEqual(view.names, ['archive/data.warc', 'indexes/index.cdxj', 'pages/pages.jsonl', 'datapackage.json', 'datapackage-digest.json']);
      assert.equal(view.stored['archive/data.warc'], true, 'the WARC is STORED: replay tools seek into it');
      assert.equal(view.profile, 'data-package');
      assert.equal(view.version, '1.1.1');
      assert.equal(view.created, NOW.toISOString());
      assert.deepEqual(view.hashes, { 'archive/data.warc': true, 'indexes/index.cdxj': true, 'pages/pages.jsonl': true });
      assert.equal(view.digest, true, 'datapackage-digest.json gives the hash of datapackage.json');
      assert.equal(view.sorted, true);
      // One line per response, revisit and resource record; each points at that record, whole.
      const types = (await db.query<{ t: string }>('select record_type as t from captures')).map((r) => r.t);
      assert.equal(view.records.length, types.filter((t) => t !== 'metadata').length);
      assert.deepEqual([...new Set(view.records.map((r) => r.type))].sort(), ['resource', 'response', 'revisit']);
      for (const r of view.records) {
        assert.equal(r.uri, r.url, `the record at the offset of ${r.url} is that URL's (WARC 1.0 brackets it)`);
        assert.match(r.starts, /^WARC\/1\.[01]$/);
        assert.equal(r.ends, true, 'the length covers the whole record');
        assert.equal(r.filename, 'data.warc');
        assert.equal(r.digest, true);
        assert.equal(r.key, surt(r.url));
        assert.match(r.ts, /^\d{14}$/);
      }
      assert.deepEqual(view.pages[0], { format: 'json-pages-1.0', id: 'pages', title: 'All Pages' });
      assert.deepEqual(
        view.pages.slice(1).map((p) => p.url),
        ['http://127.0.0.1:18765/index.html'],
        'one line per HTML page capture (the 200 response; not the revisit, nor robots.txt)',
      );

      // yauzl agrees with Python, and the CDXJ counts every indexable record of the WARC.
      const entries = await unzip(wacz);
      const data = entries.get('archive/data.warc');
      assert.ok(data);
      const lines = (entries.get('indexes/index.cdxj') ?? Buffer.alloc(0)).toString('utf8').trim().split('\n');
      for (const line of lines) {
        const fields = JSON.parse(line.slice(line.indexOf('{'))) as { url: string; offset: string; length: string };
        const record = data.subarray(Number(fields.offset), Number(fields.offset) + Number(fields.length)).toString('latin1');
        // (WARC 1.0, as wget writes it, brackets the URI.)
        assert.match(record, new RegExp(`\r\nWARC-Target-URI: <?${fields.url.replace(/[.?*+()[\]\\]/g, '\\$&')}>?\r\n`), fields.url);
      }
      const indexable = data.toString('latin1').match(/\r\nWARC-Type: (response|revisit|resource)\r\n/g) ?? [];
      assert.equal(lines.length, indexable.length);
    });

    it('imports its own WACZ into a fresh archive: the same captures (URL, sha256, record type), revisits resolved', async () => {
      const fresh = await engine.create();
      try {
        const outcomes = await ingestFiles(fresh.db, directory, KEY, [wacz]);
        assert.deepEqual(
          outcomes.filter((o) => o.failure),
          [],
        );
        assert.ok(outcomes.every((o) => o.file === `${wacz}!archive/data.warc`));
        assert.deepEqual(await capturesOf(fresh.db), await capturesOf(db));
      } finally {
        await fresh.drop();
      }
    });

    it('imports a WACZ another tool wrote (deflated entries, a gzipped WARC): as its WARCs ingest, given alone or in a folder', async () => {
      const folder = path.join(dir, 'foreign');
      mkdirSync(folder);
      const foreign = path.join(folder, 'python.wacz');
      execFileSync('python3', ['-c', PYTHON_WRITE, foreign, RUN1, RUN2]);
      for (const target of [foreign, folder]) {
        const fresh = await engine.create();
        try {
          const outcomes = await ingestFiles(fresh.db, directory, KEY, [target]);
          assert.deepEqual(
            outcomes.filter((o) => o.failure),
            [],
          );
          assert.deepEqual(await capturesOf(fresh.db), await capturesOf(db));
          const [ref] = await fresh.db.query<{ source_ref: string }>("select source_ref from captures where record_type = 'revisit' limit 1");
          assert.match(ref?.source_ref ?? '', /^python\.wacz!archive\/run2\.warc#<urn:uuid:/);
        } finally {
          await fresh.drop();
        }
      }
    });

    it('a WACZ with one byte of its WARC changed is refused with a coded error naming the file in the zip; nothing is stored', async () => {
      const bytes = Buffer.from(readFileSync(wacz));
      const at = bytes.indexOf('User-Agent: Wget');
      assert.ok(at > 0);
      bytes[at] = 'u'.charCodeAt(0);
      const tampered = path.join(dir, 'tampered.wacz');
      writeFileSync(tampered, bytes);
      const fresh = await engine.create();
      try {
        const outcomes = await ingestFiles(fresh.db, directory, KEY, [tampered]);
        assert.equal(outcomes.length, 1);
        assert.equal(outcomes[0]?.failure?.code, 'archive.wacz_mismatch');
        assert.equal(outcomes[0]?.file, tampered);
        assert.match(outcomes[0]?.failure?.reason ?? '', /^archive\/data\.warc does not match datapackage\.json/);
        assert.equal(await countOf(fresh.db), 0);
      } finally {
        await fresh.drop();
      }
    });

    it('a zip without datapackage.json, or not a zip at all, is refused with a coded error, alone or in a folder; nothing is stored', async () => {
      const folder = path.join(dir, 'not-wacz');
      mkdirSync(folder);
      const plain = path.join(folder, 'plain.wacz');
      await writeZip(plain, { 'archive/data.warc': readFileSync(RUN1) });
      const garbage = path.join(dir, 'garbage.wacz');
      writeFileSync(garbage, Buffer.from('PK\u0003\u0004 synthetic, not a real zip'));
      const fresh = await engine.create();
      try {
        for (const target of [plain, folder]) {
          const outcomes = await ingestFiles(fresh.db, directory, KEY, [target]);
          assert.equal(outcomes.length, 1);
          assert.equal(outcomes[0]?.failure?.code, 'archive.wacz_invalid');
          assert.match(outcomes[0]?.failure?.reason ?? '', /no datapackage\.json/);
        }
        const outcomes = await ingestFiles(fresh.db, directory, KEY, [garbage]);
        assert.equal(outcomes[0]?.failure?.code, 'archive.wacz_invalid');
        assert.match(outcomes[0]?.failure?.reason ?? '', /^not a zip file/);
        assert.equal(await countOf(fresh.db), 0);
      } finally {
        await fresh.drop();
      }
    });

    it('refuses a WACZ whose WARC is not listed in datapackage.json, and one of another major version', async () => {
      const run1 = readFileSync(RUN1);
      const unlisted = path.join(dir, 'unlisted.wacz');
      const pages = Buffer.from('{"format":"json-pages-1.0","id":"pages","title":"All Pages"}\n');
      const listed = [{ path: 'pages/pages.jsonl', hash: `sha256:${createHash('sha256').update(pages).digest('hex')}`, bytes: pages.length }];
      await writeZip(unlisted, {
        'archive/data.warc': run1,
        'pages/pages.jsonl': pages,
        'datapackage.json': Buffer.from(JSON.stringify({ profile: 'data-package', resources: listed })),
      });
      const future = path.join(dir, 'future.wacz');
      await writeZip(future, {
        'archive/data.warc': run1,
        'datapackage.json': Buffer.from(
          JSON.stringify({ profile: 'data-package', wacz_version: '2.0.0', resources: [{ path: 'archive/data.warc', hash: 'sha256:00', bytes: 1 }] }),
        ),
      });
      const fresh = await engine.create();
      try {
        const [a] = await ingestFiles(fresh.db, directory, KEY, [unlisted]);
        assert.equal(a?.failure?.code, 'archive.wacz_invalid');
        assert.match(a?.failure?.reason ?? '', /^archive\/data\.warc is not listed in datapackage\.json/);
        const [b] = await ingestFiles(fresh.db, directory, KEY, [future]);
        assert.equal(b?.failure?.code, 'archive.wacz_unsupported');
        assert.equal(await countOf(fresh.db), 0);
      } finally {
        await fresh.drop();
      }
    });
  });
}

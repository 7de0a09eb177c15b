// Bad pages and bad WARC records, on both engines: a bad record never stops the rest, the raw bytes are
// archived whenever they can be read, and each failure is recorded with a code (never page text).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type InputRecord, readInputs } from '../../src/courts/archive/inputs.ts';
import { captureBody, sha256Hex } from '../../src/courts/archive/store.ts';
import { WARC_LIMITS } from '../../src/courts/archive/warc.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { type IngestInput, type IngestResult, ingestPage, ingestParsed, parseInput } from '../../src/courts/ingest.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES } from '../helpers/engines.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { noise, responseRecord } from '../helpers/warc.ts';

const KEY = 'test-person-key-0123456789';
const directory = loadDirectory();
const KSOYU_URL = 'https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&delo_id=2800001';

function fileInput(name: string, bytes: Buffer, extra: Partial<IngestInput> = {}): IngestInput {
  return { bytes, url: `file:${name}`, retrievedAt: null, httpStatus: null, httpHeaders: null, source: 'file', sourceRef: name, synthetic: false, ...extra };
}

/** The Kirov card with a NUL byte inside its result text. */
export function cardWithNul(): Buffer {
  const html = fixture('kirov_koap.html');
  const at = html.indexOf(Buffer.from('Вынесено постановление'));
  return Buffer.concat([html.subarray(0, at), Buffer.from('Вынесено\u0000 '), html.subarray(at + Buffer.byteLength('Вынесено '))]);
}

/** The ksoyu result list with one row whose case_id is longer than any database index allows. */
export function listWithHugeId(): Buffer {
  return Buffer.from(
    fixture('ksoyu_listing_acts.html')
      .toString('latin1')
      .replace('case_id=18223875', `case_id=${noise(6000)}`),
    'latin1',
  );
}

async function counts(db: Database): Promise<{ blobs: number; captures: number; cases: number; failures: number }> {
  const [row] = await db.query<{ blobs: number; captures: number; cases: number; failures: number }>(
    `select (select count(*) from blobs)::int as blobs, (select count(*) from captures)::int as captures,
            (select count(*) from cases)::int as cases, (select count(*) from ingest_failures)::int as failures`,
  );
  if (!row) throw new Error('no counts');
  return row;
}

async function collect(file: string): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const record of readInputs(file, {})) out.push(record);
  return out;
}

for (const engine of ENGINES) {
  describe(`ingest robustness: ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await engine.create());
      await syncCourts(db, directory);
    });
    after(() => drop());

    it('a page with a NUL byte is archived byte for byte and its case stored without the NUL', async () => {
      const bytes = cardWithNul();
      const result = await ingestPage(db, directory, fileInput('nul.html', bytes), KEY);
      assert.equal(result.failure, null);
      assert.equal(result.kind, 'case_card');
      assert.deepEqual(result.cases, { created: 1, updated: 0, unchanged: 0, unidentified: 0 });
      assert.equal(result.sha256, sha256Hex(bytes), 'the hash of the exact bytes, NUL included');
      assert.deepEqual(Buffer.from((await captureBody(db, result.sha256)) ?? []), bytes);
      const [row] = await db.query<{ result_text: string }>('select result_text from cases where first_capture_id = $1', [result.captureId]);
      assert.match(row?.result_text ?? '', /^Вынесено постановление/);
    });

    it('a page whose cases the database refuses is still archived; the failure is recorded with its SQLSTATE, nothing else of it stays', async () => {
      const before = await counts(db);
      const bytes = listWithHugeId();
      const result = await ingestPage(db, directory, fileInput('huge.html', bytes, { url: KSOYU_URL }), KEY);
      assert.equal(result.kind, 'case_list');
      assert.equal(result.newCapture, true);
      assert.deepEqual(result.failure, {
        stage: 'store',
        code: 'ingest.store_failed',
        sqlstate: '54000',
        reason: 'a value from the page exceeds a database limit',
      });
      assert.deepEqual(result.cases, { created: 0, updated: 0, unchanged: 0, unidentified: 0 }, 'no case of the page half-stored');
      const afterRows = await counts(db);
      assert.deepEqual(afterRows, { blobs: before.blobs + 1, captures: before.captures + 1, cases: before.cases, failures: before.failures + 1 });
      assert.deepEqual(Buffer.from((await captureBody(db, result.sha256)) ?? []), bytes);
      const failures = await db.query('select capture_id, stage, code, sqlstate, reason from ingest_failures where capture_id = $1', [result.captureId]);
      assert.deepEqual(failures, [
        {
          capture_id: result.captureId,
          stage: 'store',
          code: 'ingest.store_failed',
          sqlstate: '54000',
          reason: 'a value from the page exceeds a database limit',
        },
      ]);
      // The same page again: the capture is found, the failure is not recorded twice.
      const again = await ingestPage(db, directory, fileInput('huge.html', bytes, { url: KSOYU_URL }), KEY);
      assert.equal(again.newCapture, false);
      assert.equal(again.failure?.sqlstate, '54000');
      assert.equal((await counts(db)).failures, before.failures + 1);
      // And the database is fine for the next page.
      const next = await ingestPage(db, directory, fileInput('ksoyu_listing_acts.html', fixture('ksoyu_listing_acts.html'), { url: KSOYU_URL }), KEY);
      assert.equal(next.failure, null);
      assert.equal(next.cases.created, 25);
    });

    it('a NUL that reaches a text column (SQLSTATE 22021) fails that page only, which stays archived', async () => {
      const input = fileInput('act.html', Buffer.from('<html><body><div id="content">act</div></body></html>'), {
        url: 'https://2kas.sudrf.ru/modules.php?name=sud_delo&name_op=doc&number=1&delo_id=5&new=0&text_number=1',
        forCase: { caseUid: null, caseId: '77', deloId: '5', actTitle: 'Решение' },
      });
      const result = await db.transaction((tx) =>
        ingestParsed(
          tx,
          directory,
          input,
          { kind: 'act_text', layout: 'classic', courtVnkod: '02OS0000', detail: null, text: 'ПОСТАНОВИЛ\u0000 оставить', synthetic: false },
          KEY,
        ),
      );
      assert.equal(result.failure?.stage, 'store');
      assert.equal(result.failure?.code, 'ingest.store_failed');
      assert.match(result.failure?.sqlstate ?? '', /^22/, 'a data exception');
      assert.ok(!JSON.stringify(result.failure).includes('ПОСТАНОВИЛ'), 'no page text in the failure');
      const [stored] = await db.query<{ n: number }>('select count(*)::int as n from captures where id = $1', [result.captureId]);
      assert.equal(stored?.n, 1);
    });

    it('a page whose parser fails is archived as unknown and recorded as a parse failure', async () => {
      const bytes = Buffer.from('<html>parser breaks here</html>');
      const input = fileInput('broken-parse.html', bytes);
      const result = await db.transaction((tx) =>
        ingestParsed(tx, directory, input, { kind: 'unknown', layout: null, courtVnkod: null, detail: 'parser error: boom', synthetic: false }, KEY),
      );
      assert.deepEqual(result.failure, { stage: 'parse', code: 'ingest.parse_failed', sqlstate: null, reason: 'the parser failed on this page' });
      assert.deepEqual(Buffer.from((await captureBody(db, result.sha256)) ?? []), bytes);
    });

    it('code that throws while building the cases fails that page only (coded, with where in the source, no page text)', async () => {
      const bytes = Buffer.from('<html>a card the record builder chokes on</html>');
      const broken = { ...parseInput(fileInput('x.html', fixture('kirov_koap.html'))) } as Record<string, unknown>;
      broken.card = { ...(broken.card as object), defendants: 'not a list' };
      const result = await db.transaction((tx) =>
        ingestParsed(tx, directory, fileInput('throws.html', bytes), broken as unknown as ReturnType<typeof parseInput>, KEY),
      );
      assert.equal(result.failure?.code, 'ingest.store_failed');
      assert.equal(result.failure?.sqlstate, null);
      assert.match(result.failure?.reason ?? '', /^TypeError at src\/[\w/.-]+\.ts:\d+$/);
      assert.deepEqual(Buffer.from((await captureBody(db, result.sha256)) ?? []), bytes);
    });

    it('an undecodable page (not UTF-8, not HTML) is archived as unknown, without a failure', async () => {
      const bytes = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80, 0x00, 0x9f, 0xd0]);
      const result = await ingestPage(db, directory, fileInput('binary.bin', bytes), KEY);
      assert.equal(result.kind, 'unknown');
      assert.equal(result.failure, null);
      assert.deepEqual(Buffer.from((await captureBody(db, result.sha256)) ?? []), bytes);
    });

    it('a WARC of 3 records whose middle page fails: records 1 and 3 ingested, record 2 archived and reported with its offset', async () => {
      const dir = tempDir('otkaz-warc-bad-');
      const one = responseRecord({ id: '00000000-0000-4000-8000-000000000001', url: 'https://2kas.sudrf.ru/one', body: cardWithNul() });
      const two = responseRecord({ id: '00000000-0000-4000-8000-000000000002', url: KSOYU_URL.replace('2800001', '2800002'), body: listWithHugeId() });
      const three = responseRecord({ id: '00000000-0000-4000-8000-000000000003', url: 'https://2kas.sudrf.ru/three', body: fixture('blag_card.html') });
      const file = path.join(dir, 'three.warc');
      writeFileSync(file, Buffer.concat([one, two, three]));
      const records = await collect(file);
      assert.deepEqual(
        records.map((r) => [r.offset, r.error?.code ?? null]),
        [
          [0, null],
          [one.length, null],
          [one.length + two.length, null],
        ],
      );
      const results: IngestResult[] = [];
      for (const record of records) if (record.input) results.push(await ingestPage(db, directory, record.input, KEY));
      assert.deepEqual(
        results.map((r) => [r.kind, r.failure?.code ?? null]),
        [
          ['case_card', null],
          ['case_list', 'ingest.store_failed'],
          ['case_card', null],
        ],
      );
      assert.equal(results[0]?.cases.unchanged, 1, 'record 1: the NUL card, already stored above');
      assert.equal(results[2]?.cases.created, 1, 'record 3 ingested after the failed one');
    });

    it('a WARC record with a wrong Content-Length is reported with its offset; the records around it are read', async () => {
      const dir = tempDir('otkaz-warc-len-');
      const body = (n: number) => Buffer.from(`<html><body>page ${n}</body></html>`);
      const one = responseRecord({ id: '10000000-0000-4000-8000-000000000001', url: 'https://a.example/1', body: body(1) });
      const tooShort = responseRecord({ id: '10000000-0000-4000-8000-000000000002', url: 'https://a.example/2', body: body(2), contentLength: '40' });
      const notANumber = responseRecord({ id: '10000000-0000-4000-8000-000000000003', url: 'https://a.example/3', body: body(3), contentLength: 'abc' });
      const tooLong = responseRecord({ id: '10000000-0000-4000-8000-000000000004', url: 'https://a.example/4', body: body(4), contentLength: '400' });
      const five = responseRecord({ id: '10000000-0000-4000-8000-000000000005', url: 'https://a.example/5', body: body(5) });
      const file = path.join(dir, 'lengths.warc');
      writeFileSync(file, Buffer.concat([one, tooShort, notANumber, tooLong, five]));
      const records = await collect(file);
      const o2 = one.length;
      const o3 = o2 + tooShort.length;
      const o4 = o3 + notANumber.length;
      const o5 = o4 + tooLong.length;
      assert.deepEqual(
        records.map((r) => [r.offset, r.error?.code ?? null, r.input ? Buffer.from(r.input.bytes).toString() : null]),
        [
          [0, null, '<html><body>page 1</body></html>'],
          [o2, 'archive.warc_invalid', null],
          [o3, 'archive.warc_invalid', null],
          [o4, 'archive.warc_invalid', null],
          [o5, null, '<html><body>page 5</body></html>'],
        ],
      );
      assert.match(records[1]?.error?.message ?? '', /Content-Length/);
      assert.match(records[2]?.error?.message ?? '', /Content-Length/);
    });

    it('a truncated last record is reported; the complete ones before it are read', async () => {
      const dir = tempDir('otkaz-warc-cut-');
      const one = responseRecord({ id: '20000000-0000-4000-8000-000000000001', url: 'https://a.example/1', body: Buffer.from('<html>1</html>') });
      const two = responseRecord({ id: '20000000-0000-4000-8000-000000000002', url: 'https://a.example/2', body: Buffer.from('<html>two, cut short</html>') });
      const file = path.join(dir, 'cut.warc');
      writeFileSync(file, Buffer.concat([one, two.subarray(0, two.length - 12)]));
      const records = await collect(file);
      assert.deepEqual(
        records.map((r) => [r.offset, r.error?.code ?? null]),
        [
          [0, null],
          [one.length, 'archive.warc_invalid'],
        ],
      );
      assert.match(records[1]?.error?.message ?? '', /truncated/);
    });

    it('a .warc.gz (one gzip member per record) with a bad middle record: the others read, offsets in the decompressed WARC', async () => {
      const dir = tempDir('otkaz-warc-gz-');
      const one = responseRecord({ id: '40000000-0000-4000-8000-000000000001', url: 'https://a.example/1', body: Buffer.from('<html>1</html>') });
      const bad = responseRecord({
        id: '40000000-0000-4000-8000-000000000002',
        url: 'https://a.example/2',
        body: Buffer.from('<html>2</html>'),
        contentLength: '7',
      });
      const three = responseRecord({ id: '40000000-0000-4000-8000-000000000003', url: 'https://a.example/3', body: Buffer.from('<html>3</html>') });
      const file = path.join(dir, 'members.warc.gz');
      writeFileSync(file, Buffer.concat([one, bad, three].map((r) => gzipSync(r))));
      const records = await collect(file);
      assert.deepEqual(
        records.map((r) => [r.offset, r.error?.code ?? null, r.input ? Buffer.from(r.input.bytes).toString() : null]),
        [
          [0, null, '<html>1</html>'],
          [one.length, 'archive.warc_invalid', null],
          [one.length + bad.length, null, '<html>3</html>'],
        ],
      );
    });

    it('a .warc.gz whose gzip data breaks: one failure says so, and reading that file ends (never a crash)', async () => {
      const dir = tempDir('otkaz-warc-gzbad-');
      const one = gzipSync(responseRecord({ id: '50000000-0000-4000-8000-000000000001', url: 'https://a.example/1', body: Buffer.from('<html>1</html>') }));
      const two = gzipSync(responseRecord({ id: '50000000-0000-4000-8000-000000000002', url: 'https://a.example/2', body: Buffer.from(noise(5000)) }));
      two.fill(0x55, 40, 80);
      const file = path.join(dir, 'broken.warc.gz');
      writeFileSync(file, Buffer.concat([one, two]));
      const records = await collect(file);
      assert.equal(records.at(-1)?.error?.code, 'archive.warc_invalid');
      assert.match(records.at(-1)?.error?.message ?? '', /cannot be read on after byte \d+/);
      assert.ok(
        records.slice(0, -1).every((r) => r.input !== null),
        'whatever comes before the break is whole',
      );
    });

    it('a response over the size limit is skipped without being held, reported, and the next record read', async () => {
      const dir = tempDir('otkaz-warc-big-');
      const big = responseRecord({ id: '60000000-0000-4000-8000-000000000001', url: 'https://a.example/1', body: Buffer.from(noise(4000)) });
      const small = responseRecord({ id: '60000000-0000-4000-8000-000000000002', url: 'https://a.example/2', body: Buffer.from('<html>2</html>') });
      const file = path.join(dir, 'big.warc');
      writeFileSync(file, Buffer.concat([big, small]));
      const saved = WARC_LIMITS.recordBytes;
      WARC_LIMITS.recordBytes = 1000;
      try {
        const records = await collect(file);
        assert.deepEqual(
          records.map((r) => [r.offset, r.error?.code ?? null]),
          [
            [0, 'archive.warc_invalid'],
            [big.length, null],
          ],
        );
        assert.match(records[0]?.error?.message ?? '', /larger than 1000 bytes/);
      } finally {
        WARC_LIMITS.recordBytes = saved;
      }
    });

    it('a file that is not a WARC at all is one failure at offset 0', async () => {
      const dir = tempDir('otkaz-warc-not-');
      const file = path.join(dir, 'not.warc');
      writeFileSync(file, 'WARC/1.1\r\nthis is not a warc record\r\n\r\n');
      const records = await collect(file);
      assert.deepEqual(
        records.map((r) => [r.offset, r.error?.code ?? null]),
        [[0, 'archive.warc_invalid']],
      );
      assert.ok(records[0]?.error?.message.includes('not.warc'));
    });
  });
}

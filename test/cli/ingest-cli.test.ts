// `otkaz ingest` with bad records among good ones: the good ones go in, each bad one is listed (file, byte
// offset, code, never page text), and the exit status is 5.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { fixture } from '../helpers/fixtures.ts';
import { noise, responseRecord } from '../helpers/warc.ts';

const HUGE = noise(6000);

describe('otkaz ingest: bad records never stop the rest', () => {
  const dataDir = useTempDataDir('otkaz-ingest-cli-');

  it('a WARC whose middle record fails and a broken WARC: the rest ingested, the failures listed with their offsets, exit status 5', async () => {
    const html = fixture('kirov_koap.html');
    const at = html.indexOf(Buffer.from('Вынесено постановление'));
    const withNul = Buffer.concat([html.subarray(0, at), Buffer.from([0]), html.subarray(at)]);
    const hugeList = Buffer.from(fixture('ksoyu_listing_acts.html').toString('latin1').replace('case_id=18223875', `case_id=${HUGE}`), 'latin1');
    const one = responseRecord({ id: '30000000-0000-4000-8000-000000000001', url: 'https://2kas.sudrf.ru/one', body: withNul });
    const two = responseRecord({
      id: '30000000-0000-4000-8000-000000000002',
      url: 'https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&delo_id=2800001',
      body: hugeList,
    });
    const three = responseRecord({ id: '30000000-0000-4000-8000-000000000003', url: 'https://2kas.sudrf.ru/three', body: fixture('blag_card.html') });
    const warc = path.join(dataDir, 'three.warc');
    writeFileSync(warc, Buffer.concat([one, two, three]));
    const broken = path.join(dataDir, 'broken.warc');
    writeFileSync(broken, Buffer.concat([three, Buffer.from('WARC/1.1\r\nthis is not a warc record\r\n\r\n')]));
    const page = path.join(dataDir, 'page.html');
    writeFileSync(page, fixture('leninsky_ufa_criminal.html'));

    const run = await cli('ingest', warc, broken, page);
    assert.equal(run.code, 5, run.err);
    const lines = run.out.trim().split('\n');
    assert.equal(lines.length, 5, run.out);
    assert.match(lines[0] ?? '', /three\.warc record at byte 0: case_card, capture #1 .*cases \+1 new/);
    assert.match(
      lines[1] ?? '',
      new RegExp(
        `three\\.warc record at byte ${one.length}: case_list, capture #2 .*failed \\[ingest\\.store_failed\\] .*SQLSTATE 54000.*archived as capture #2`,
      ),
    );
    assert.match(lines[2] ?? '', new RegExp(`three\\.warc record at byte ${one.length + two.length}: case_card, capture #3 .*cases \\+1 new`));
    assert.match(lines[3] ?? '', /broken\.warc record at byte 0: case_card, capture #3 \(already archived\) .*0 updated, 1 unchanged/);
    assert.match(lines[4] ?? '', /page\.html: case_card, capture #\d+ .*cases \+1 new/);
    assert.match(run.err, /otkaz: 2 of 6 records failed; the others were ingested:/);
    assert.match(
      run.err,
      new RegExp(
        `three\\.warc record at byte ${one.length}: \\[ingest\\.store_failed\\] a value from the page exceeds a database limit \\(SQLSTATE 54000\\); archived as capture #2`,
      ),
    );
    assert.match(
      run.err,
      new RegExp(
        `broken\\.warc record at byte ${three.length}: \\[archive\\.warc_invalid\\] not a WARC record \\(a header line without a name\\); not archived`,
      ),
    );
    assert.match(run.err, /\[ingest\.incomplete\]: 2 of 6 records failed/);
    assert.ok(!run.err.includes(HUGE.slice(0, 40)) && !run.err.includes('Вынесено'), 'no page text in the report');

    const again = await cli('ingest', warc, '--json');
    assert.equal(again.code, 5);
    const outcomes = JSON.parse(again.out) as {
      file: string;
      offset: number | null;
      captureId: number | null;
      newCapture: boolean;
      failure: { stage: string; code: string; sqlstate: string | null } | null;
    }[];
    assert.deepEqual(
      outcomes.map((o) => [path.basename(o.file), o.offset, o.captureId, o.newCapture, o.failure]),
      [
        ['three.warc', 0, 1, false, null],
        [
          'three.warc',
          one.length,
          2,
          false,
          { stage: 'store', code: 'ingest.store_failed', sqlstate: '54000', reason: 'a value from the page exceeds a database limit' },
        ],
        ['three.warc', one.length + two.length, 3, false, null],
      ],
    );
  });

  it('a page whose bytes cannot be archived (a URL no index can hold) is listed as not archived, exit status 5', async () => {
    const page = path.join(dataDir, 'long-url.html');
    writeFileSync(page, fixture('kirov_koap.html'));
    const run = await cli('ingest', page, '--url', `https://2kas.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=${noise(8000, 'url')}`, '--json');
    assert.equal(run.code, 5);
    const [outcome] = JSON.parse(run.out) as { captureId: number | null; failure: { stage: string; code: string; sqlstate: string } | null }[];
    assert.deepEqual(
      [outcome?.captureId, outcome?.failure?.stage, outcome?.failure?.code, outcome?.failure?.sqlstate],
      [null, 'archive', 'ingest.archive_failed', '54000'],
    );
    assert.match(run.err, /long-url\.html: \[ingest\.archive_failed\] a value from the page exceeds a database limit \(SQLSTATE 54000\); not archived/);
  });

  it('only good records: exit status 0', async () => {
    const page = path.join(dataDir, 'good.html');
    writeFileSync(page, fixture('samara_kas_appeal_card.html'));
    const run = await cli('ingest', page, '--json');
    assert.equal(run.code, 0, run.err);
    assert.equal((JSON.parse(run.out) as { failure: unknown }[])[0]?.failure, null);
  });
});

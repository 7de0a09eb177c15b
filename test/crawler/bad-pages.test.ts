// The crawler's worker and pages it cannot store: a response with a NUL byte, one whose cases the database
// refuses, one whose follow-up links the database refuses. Each is archived byte for byte, its job settled
// (done, or failed with a coded reason), and the worker goes on to the next job and stops when idle.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { captureBody } from '../../src/courts/archive/store.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { enqueue } from '../../src/crawler/jobs.ts';
import { DEFAULT_CRAWLER, runWorker } from '../../src/crawler/worker.ts';
import { ENGINES } from '../helpers/engines.ts';
import { fixture } from '../helpers/fixtures.ts';
import { noise } from '../helpers/warc.ts';

const directory = loadDirectory();
const HOST = '2kas.sudrf.ru';
const VNKOD = '02OS0000';

function withNul(): Buffer {
  const html = fixture('kirov_koap.html');
  const at = html.indexOf(Buffer.from('Вынесено постановление'));
  return Buffer.concat([html.subarray(0, at), Buffer.from([0]), html.subarray(at)]);
}

const PAGES: Record<string, Buffer> = {
  nul: withNul(),
  // A list row whose case id no index can hold: storing the cases fails.
  hugeid: Buffer.from(
    fixture('ksoyu_listing_acts.html')
      .toString('latin1')
      .replace('case_id=18223875', `case_id=${noise(6000)}`),
    'latin1',
  ),
  // A list whose cases store fine but one of whose card links no index can hold: settling the job fails.
  hugelink: Buffer.from(
    fixture('ksoyu_listing_acts.html')
      .toString('latin1')
      .replace('case_id=18223875', `case_id=18223875&amp;x=${noise(6000, 'link')}`),
    'latin1',
  ),
  ok: fixture('blag_card.html'),
};
const NAMES = ['nul', 'hugeid', 'hugelink', 'ok'];

const url = (name: string) => `https://${HOST}/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=${name}&delo_id=1540006`;

for (const engine of ENGINES) {
  describe(`crawler and pages it cannot store: ${engine.name}`, () => {
    it('archives each, settles each job, and goes on', async () => {
      const server = http.createServer((req, res) => {
        const name = /case_id=(\w+)/.exec(req.url ?? '')?.[1] ?? '';
        const body = PAGES[name];
        res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body ?? 'not found');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { db, drop } = await engine.create();
      try {
        await syncCourts(db, directory);
        await db.query('insert into crawl_hosts (host, court_vnkod) values ($1, $2)', [HOST, VNKOD]);
        await db.transaction((tx) =>
          enqueue(
            tx,
            NAMES.map((name) => ({
              kind: 'card' as const,
              court_vnkod: VNKOD,
              host: HOST,
              url: url(name),
              article: null,
              axis: null,
              window_from: null,
              window_to: null,
              page: null,
              parent_id: null,
            })),
          ),
        );
        const events: string[] = [];
        const stats = await runWorker(db, {
          ...DEFAULT_CRAWLER,
          baseUrl: base,
          userAgent: 'otkaz-test (tests@example.org)',
          pacingMs: 0,
          retryBaseMs: 10,
          maxAttempts: 3,
          concurrency: 1,
          respectRobots: false,
          personKey: 'k'.repeat(32),
          directory,
          stopWhenIdle: true,
          onEvent: (e) => {
            if (e.type === 'error') events.push(e.error);
          },
        });
        const jobs = await db.query<{
          url: string;
          state: string;
          attempts: number;
          last_error: string | null;
          capture_id: number | null;
          sha256: string | null;
        }>(
          'select j.url, j.state, j.attempts, j.last_error, j.capture_id, c.sha256 from crawl_jobs j left join captures c on c.id = j.capture_id order by j.id',
        );
        assert.deepEqual(
          jobs.map((j) => [j.state, j.attempts, j.last_error]),
          [
            ['done', 1, null],
            ['failed', 1, 'ingest.store_failed (SQLSTATE 54000)'],
            ['failed', 1, 'ingest.store_failed (SQLSTATE 54000)'],
            ['done', 1, null],
          ],
        );
        assert.equal(stats.requests, 4, 'each page fetched once: a refused page is not fetched again and again');
        assert.deepEqual(events, ['ingest.store_failed (SQLSTATE 54000)', 'ingest.store_failed (SQLSTATE 54000)']);
        for (const [i, name] of NAMES.entries()) {
          assert.deepEqual(Buffer.from((await captureBody(db, jobs[i]?.sha256 ?? '')) ?? []), PAGES[name], `${name}: archived byte for byte`);
        }
        const failures = await db.query<{ capture_id: number; code: string; sqlstate: string }>(
          'select capture_id, code, sqlstate from ingest_failures order by id',
        );
        assert.deepEqual(
          failures,
          [1, 2].map((i) => ({ capture_id: jobs[i]?.capture_id, code: 'ingest.store_failed', sqlstate: '54000' })),
        );
        const [stored] = await db.query<{ n: number }>('select count(*)::int as n from cases where last_capture_id = $1', [jobs[2]?.capture_id]);
        assert.equal(stored?.n, 0, 'the page whose links were refused keeps its capture, not half its cases');
        const [host] = await db.query<{ in_flight: boolean }>('select in_flight from crawl_hosts where host = $1', [HOST]);
        assert.equal(host?.in_flight, false);
      } finally {
        await drop();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
}

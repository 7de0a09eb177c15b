// The crawl commands' flags are checked before anything is written: a bad number is a coded usage error naming
// the flag, and no plan is committed. The captcha queue answers as the API does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CourtSimulator, NO_TRAPS } from '../../src/crawler/simulator/server.ts';
import { World } from '../../src/crawler/simulator/world.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';

describe('otkaz crawl: flags checked before the plan', () => {
  useTempDataDir('otkaz-crawl-cli-');
  const plan = ['crawl', '--base-url', 'http://127.0.0.1:9', '--courts', '61GV0001', '--from', '2024-01-01', '--to', '2024-01-31', '--quiet'];

  for (const [flag, value] of [
    ['--pacing', 'abc'],
    ['--concurrency', '0'],
    ['--timeout', '-5'],
    ['--recent', 'x'],
    ['--limit', '1.5'],
  ] as const) {
    it(`${flag} ${value}: a usage error naming ${flag}, and no job planned`, async () => {
      const { code, err } = await cli(...plan, flag, value);
      assert.equal(code, 2);
      assert.match(err, /cli\.usage|input\.invalid/);
      assert.ok(err.includes(flag), err);
      assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
      const status = await cli('crawl', 'status', '--json');
      assert.deepEqual(JSON.parse(status.out), [], 'no plan committed');
    });
  }

  it('--plan-only still checks the worker flags: --pacing abc is refused and nothing is planned', async () => {
    const { code, err } = await cli(...plan, '--plan-only', '--pacing', 'abc');
    assert.equal(code, 2, err);
    assert.match(err, /\[cli\.usage\]: --pacing: /);
    assert.deepEqual(JSON.parse((await cli('crawl', 'status', '--json')).out), [], 'no plan committed');
  });

  it('a real crawl without a contact is refused before the plan (the User-Agent must name the operator)', async () => {
    const saved = process.env.OTKAZ_CRAWL_CONTACT;
    delete process.env.OTKAZ_CRAWL_CONTACT;
    try {
      const { code, err } = await cli('crawl', '--courts', '61GV0001', '--from', '2024-01-01', '--to', '2024-01-31', '--quiet');
      assert.equal(code, 2);
      assert.match(err, /config\.invalid.*OTKAZ_CRAWL_CONTACT/);
      assert.deepEqual(JSON.parse((await cli('crawl', 'status', '--json')).out), [], 'no plan committed');
    } finally {
      if (saved !== undefined) process.env.OTKAZ_CRAWL_CONTACT = saved;
    }
  });

  it('--plan-only plans, and the plan is visible in crawl status', async () => {
    const { code, out } = await cli(...plan, '--plan-only', '--articles', '337');
    assert.equal(code, 0, out);
    assert.match(out, /plan: 1 courts × 1 articles/);
    const status = JSON.parse((await cli('crawl', 'status', '--json')).out) as { court_vnkod: string; pending: number }[];
    assert.deepEqual(
      status.map((s) => [s.court_vnkod, s.pending]),
      [['61GV0001', 1]],
    );
  });

  it('--axis foo: the same refusal as the API, with the accepted values', async () => {
    const { code, err } = await cli(...plan, '--axis', 'foo');
    assert.equal(code, 2);
    assert.match(err, /--axis: .*receipt.*decision.*publication.*validity/);
  });

  it("captcha answer of letters is refused by the answer's schema", async () => {
    const { code, err } = await cli('captcha', 'answer', '1', 'abc');
    assert.equal(code, 2);
    assert.match(err, /<answer>: the digits shown/);
  });

  it('captcha answer of an unknown id is a coded not-found error', async () => {
    const { code, err } = await cli('captcha', 'answer', '999', '1234');
    assert.equal(code, 2);
    assert.match(err, /input\.not_found/);
    assert.match(err, /no pending captcha #999/);
  });
});

describe('otkaz crawl and worker: what still waits for a captcha', () => {
  useTempDataDir('otkaz-crawl-captcha-cli-');

  it('the end of a crawl says how many jobs wait for a captcha; `worker --quiet` prints no progress, only its end line', async () => {
    const world = new World({
      seed: 9,
      casesPerCourt: 10,
      from: '2024-01-01',
      to: '2024-01-31',
      courts: [{ vnkod: '77GV0011', host: 'tverskoy--twr.sudrf.ru', layout: 'new', captcha: true }],
    });
    const sim = new CourtSimulator(world, { ...NO_TRAPS });
    const base = await sim.listen();
    try {
      const run = ['--base-url', base, '--pacing', '5', '--quiet'];
      const crawl = await cli('crawl', ...run, '--courts', '77GV0011', '--articles', '337', '--from', '2024-01-01', '--to', '2024-01-31');
      assert.equal(crawl.code, 0, crawl.err);
      const status = JSON.parse((await cli('crawl', 'status', '--json')).out) as { host: string; pending: number; captcha_needed: boolean }[];
      const waiting = status.find((s) => s.host === 'tverskoy--twr.sudrf.ru');
      assert.ok(waiting?.captcha_needed && waiting.pending > 0, 'its list waits for a captcha');
      assert.match(crawl.out, new RegExp(`crawl finished: .* ${waiting.pending} jobs wait for a captcha`));
      const worker = await cli('worker', ...run, '--until-idle');
      assert.equal(worker.code, 0, worker.err);
      assert.match(worker.out, new RegExp(`^worker stopped: \\d+ requests, \\d+ errors\\. ${waiting.pending} jobs wait for a captcha`));
      assert.equal(worker.out.trim().split('\n').length, 1, 'one line: no progress');
    } finally {
      await sim.close();
    }
  });
});

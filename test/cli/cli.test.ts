import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

describe('otkaz CLI (embedded database in a temporary folder)', () => {
  const dataDir = useTempDataDir('otkaz-cli-');

  it('courts --json lists the directory with stable fields', async () => {
    const { code, out } = await cli('courts', '--json', '--type', 'okrug_fleet');
    assert.equal(code, 0);
    const parsed = JSON.parse(out) as { counts: { garrison: number }; courts: { vnkod: string; host: string; legacyHost: string }[] };
    assert.equal(parsed.counts.garrison, 100);
    assert.equal(parsed.courts.length, 9);
    assert.deepEqual(Object.keys(parsed.courts[0] ?? {}).slice(0, 3), ['vnkod', 'name', 'type']);
  });

  it('courts --csv filters by captcha', async () => {
    const { out } = await cli('courts', '--csv', '--captcha');
    const lines = out.trim().split('\n');
    assert.equal(lines[0], 'vnkod,name,type,districtName,regionName,host,legacyHost,layout,captcha,sources', 'the JSON field names');
    assert.equal(lines.length, 1 + 17);
  });

  it('parse prints the classification', async () => {
    const { code, out } = await cli('parse', path.join(FIXTURES, 'courts', 'ksoyu_temporarily_unavailable.html'), '--json');
    assert.equal(code, 0);
    assert.equal((JSON.parse(out) as { kind: string }).kind, 'throttled');
    const card = await cli('parse', path.join(FIXTURES, 'courts', 'leninsky_ufa_criminal.html'), '--json');
    assert.ok(!card.out.includes('Никитина Алина Романовна') && !card.out.includes('Фролова Надежда'), 'names reduced by default');
    assert.match(card.out, /"name": "Н\.А\.Р\."/);
    const raw = await cli('parse', path.join(FIXTURES, 'courts', 'leninsky_ufa_criminal.html'), '--json', '--show-names');
    assert.match(raw.out, /Никитина Алина Романовна/);
  });

  it('ingest, stats, search, archive verify and export work together', async () => {
    const ingest = await cli('ingest', path.join(FIXTURES, 'courts', 'leninsky_ufa_criminal.html'), '--json');
    assert.equal(ingest.code, 0);
    assert.equal((JSON.parse(ingest.out) as { cases: { created: number } }[])[0]?.cases.created, 1);
    const stats = await cli('stats', 'prosecutions', '--articles', '173.1', '--by', 'year,part', '--json');
    const parsed = JSON.parse(stats.out) as { rows: { year: string; part: string; cases: number }[]; method: string };
    assert.deepEqual(
      parsed.rows.map((r) => [r.year, r.part, r.cases]),
      [['2026', '173.1 ч.2', 1]],
    );
    assert.match(parsed.method, /date of receipt/);
    const csv = await cli('stats', 'prosecutions', '--articles', '173.1', '--by', 'month', '--csv');
    assert.equal(csv.out.trim(), 'month,synthetic,cases,defendants,removed\n2026-04,false,1,1,0');
    const search = await cli('search', 'судебный штраф', '--json');
    assert.deepEqual(
      (({ total, limit, capped, hits }) => ({ total, limit, capped, hits: hits.length }))(
        JSON.parse(search.out) as { total: number; limit: number; capped: boolean; hits: unknown[] },
      ),
      { total: 1, limit: 50, capped: false, hits: 1 },
    );
    const verify = await cli('archive', 'verify', '--json');
    assert.deepEqual(JSON.parse(verify.out), { checked: 1, mismatches: [] });
    const warc = path.join(dataDir, 'out.warc');
    const exported = await cli('archive', 'export', '--out', warc, '--json');
    assert.deepEqual(JSON.parse(exported.out), { file: warc, format: 'warc', captures: 1 });
    const wacz = path.join(dataDir, 'out.wacz');
    const packed = await cli('archive', 'export', '--format', 'wacz', '--out', wacz, '--json');
    assert.deepEqual(JSON.parse(packed.out), { file: wacz, format: 'wacz', captures: 1 });
    assert.equal(readFileSync(wacz).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
    const again = await cli('ingest', wacz, '--json');
    assert.equal(again.code, 0, again.err);
    assert.equal((JSON.parse(again.out) as { newCapture: boolean }[])[0]?.newCapture, false, 'the same capture, read back from the WACZ');
    const badFormat = await cli('archive', 'export', '--format', 'zip', '--out', wacz);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err, /\[cli\.usage\].*--format/);
    // The list the API serves, from the CLI: read off the page (received 22.04.2026, дело № 1-151/2026, art. 173.1 part 2).
    const list = await cli('cases', 'list', '--article', '173.1', '--from', '2026-04-01', '--to', '2026-04-30', '--json');
    const listed = JSON.parse(list.out) as { total: number; rows: Array<{ receipt_date: string; articles: string; defendants: string; synthetic: boolean }> };
    assert.equal(listed.total, 1);
    const [row] = listed.rows;
    assert.deepEqual([row?.receipt_date, row?.articles, row?.defendants, row?.synthetic], ['2026-04-22', '173.1 ч.2', 'Н.А.Р.', false]);
    assert.equal(JSON.parse((await cli('cases', 'list', '--to', '2026-04-21', '--json')).out).total, 0);
    assert.equal(JSON.parse((await cli('cases', 'list', '--synthetic', 'only', '--json')).out).total, 0);
    assert.equal(JSON.parse((await cli('cases', 'list', '--text', 'штрафа', '--json')).out).total, 1, 'full text with Russian stemming');
    const badSort = await cli('cases', 'list', '--sort', 'name');
    assert.equal(badSort.code, 2);
    assert.match(badSort.err, /\[cli\.usage\].*--sort/);
    const show = await cli('cases', 'show', '1', '--json');
    const shown = JSON.parse(show.out) as {
      history: { kind: string; sha256: string }[];
      penalties: Array<{ article: string; part: string; offence: unknown }>;
    };
    assert.deepEqual(shown.penalties, [{ article: '173.1', part: '2', offence: null }], 'a non-military article has no penalty in the guidance knowledge base');
    assert.equal(shown.history[0]?.kind, 'created');
    assert.match(shown.history[0]?.sha256 ?? '', /^2d621169ee315353/);
    assert.ok(!show.out.includes('Никитина'), 'no full name in any view');
    const found = await cli('cases', 'find-person', 'никитина алина  романовна', '--json');
    assert.deepEqual(
      (JSON.parse(found.out) as { case_id: number; initials: string }[]).map((m) => [m.case_id, m.initials]),
      [[1, 'Н.А.Р.']],
    );
    const other = await cli('cases', 'find-person', 'Никитина Алина Петровна', '--json');
    assert.deepEqual(JSON.parse(other.out), []);
  });

  it('bad input: a typed error naming what and where, exit status 2', async () => {
    const missing = await cli('ingest', '/nonexistent/page.html');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /\[input\.not_found\].*\/nonexistent\/page\.html/);
    const dim = await cli('stats', 'prosecutions', '--by', 'colour');
    assert.equal(dim.code, 2);
    // The flag first, as for every flag the operation's schema refuses (src/ops/operation.ts describeIssues).
    assert.match(dim.err, /\[cli\.usage\]: --by: unknown dimension "colour"/);
    const bad = path.join(dataDir, 'broken.warc');
    writeFileSync(bad, 'WARC/1.1\r\nthis is not a warc record\r\n\r\n');
    // A record that cannot be read does not stop the ingest: it is listed, and the exit status says so (5).
    const warc = await cli('ingest', bad);
    assert.equal(warc.code, 5);
    assert.match(warc.err, /broken\.warc record at byte 0: \[archive\.warc_invalid\] not a WARC record/);
  });

  it('refuses to start on a bad configuration', async () => {
    process.env.PORT = 'not-a-port';
    try {
      const result = await cli('stats', 'prosecutions');
      assert.equal(result.code, 2);
      assert.match(result.err, /\[config\.invalid\][\s\S]*environment variable PORT/);
    } finally {
      delete process.env.PORT;
    }
  });

  it('the installed bin answers --help for every command', () => {
    for (const args of [
      ['--help'],
      ['courts', '--help'],
      ['ingest', '--help'],
      ['archive', 'export', '--help'],
      ['stats', 'prosecutions', '--help'],
      ['demo', 'generate', '--help'],
    ]) {
      const result = spawnSync(process.execPath, ['bin/otkaz.mjs', ...args], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, /Usage: otkaz/);
    }
  });
});

describe('otkaz CLI: every data command takes --json, bad arguments are coded errors', () => {
  useTempDataDir('otkaz-cli-json-');

  it('--json is offered by every data command', async () => {
    const commands = [
      ['courts'],
      ['courts', 'build'],
      ['cases', 'list'],
      ['cases', 'show'],
      ['cases', 'find-person'],
      ['search'],
      ['archive', 'list'],
      ['archive', 'export'],
      ['archive', 'verify'],
      ['ingest'],
      ['stats', 'prosecutions'],
    ];
    // In-process: the help text is the program's, whichever process prints it (the bin's own --help is above).
    for (const args of commands) {
      const result = await cli(...args, '--help');
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.err}`);
      assert.match(result.out, /--json/, args.join(' '));
    }
  });

  it('cases show abc is a usage error naming the argument', async () => {
    const result = await cli('cases', 'show', 'abc');
    assert.equal(result.code, 2);
    assert.match(result.err, /\[cli\.usage\]: <id>: /);
    assert.equal(result.out, '');
  });
});

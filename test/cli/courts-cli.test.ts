// `otkaz courts` and `otkaz courts build` as a new user meets them: a wrong --type or --layout is a coded usage
// error listing the values (it printed 0 rows); `courts build` with a folder that lacks a list names the missing
// file (it printed a stack trace); JSON and CSV use one set of field names (CSV said legacy_host for legacyHost).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { SOURCE_FILES } from '../../src/courts/directory/load.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

const LISTS = path.join(FIXTURES, 'courts');

describe('otkaz courts: validated flags, one set of field names, a build that names what is missing', () => {
  const dataDir = useTempDataDir('otkaz-courts-cli-');

  it('--type foo and --layout foo are coded usage errors listing the accepted values', async () => {
    const type = await cli('courts', '--type', 'foo');
    assert.equal(type.code, 2, type.out);
    assert.match(type.err, /\[cli\.usage\].*--type.*garrison.*okrug_fleet.*appellate.*cassation/);
    assert.equal(type.out, '', 'no table of 0 rows');
    const layout = await cli('courts', '--layout', 'foo', '--json');
    assert.equal(layout.code, 2);
    assert.match(layout.err, /\[cli\.usage\].*--layout.*classic.*new/);
    const ok = await cli('courts', '--layout', 'new', '--json');
    const courts = (JSON.parse(ok.out) as { courts: { layout: string }[] }).courts;
    assert.ok(courts.length > 0 && courts.every((c) => c.layout === 'new'));
  });

  it('CSV columns are the JSON field names', async () => {
    const json = JSON.parse((await cli('courts', '--json', '--type', 'okrug_fleet')).out) as { courts: Record<string, unknown>[] };
    const csv = (await cli('courts', '--csv', '--type', 'okrug_fleet')).out;
    const [header, ...rows] = parse(csv) as string[][];
    assert.ok(header?.includes('legacyHost') && !header.includes('legacy_host'), header?.join(','));
    for (const column of header ?? []) assert.ok(column in (json.courts[0] ?? {}), `CSV column ${column} is a JSON field`);
    const legacy = header?.indexOf('legacyHost') ?? -1;
    assert.deepEqual(
      rows.map((r) => r[legacy]),
      json.courts.map((c) => c.legacyHost ?? ''),
    );
  });

  it('courts build: a folder lacking a list names the missing file, a missing folder is named, no stack trace', async () => {
    const partial = path.join(dataDir, 'lists');
    mkdirSync(partial);
    copyFileSync(path.join(LISTS, SOURCE_FILES['tochno-st-2024']), path.join(partial, SOURCE_FILES['tochno-st-2024']));
    const lacking = await cli('courts', 'build', '--from', partial, '--out', path.join(dataDir, 'out.json'));
    assert.equal(lacking.code, 2, lacking.err);
    assert.match(lacking.err, /\[input\.not_found\].*sudrf_websites\.json/);
    assert.ok(!/\n\s+at /.test(lacking.err), lacking.err);
    const nowhere = await cli('courts', 'build', '--from', path.join(dataDir, 'no-such-folder'));
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.err, /\[input\.not_found\].*no-such-folder/);
    const noFrom = await cli('courts', 'build');
    assert.equal(noFrom.code, 2);
    assert.match(noFrom.err, /\[cli\.usage\].*--from/);
  });

  it('courts build from a folder of the court lists writes the directory (--json too)', async () => {
    const out = path.join(dataDir, 'military-courts.json');
    const built = await cli('courts', 'build', '--from', LISTS, '--out', out, '--json');
    assert.equal(built.code, 0, built.err);
    const result = JSON.parse(built.out) as { file: string; courts: number; counts: { garrison: number } };
    const written = JSON.parse(readFileSync(out, 'utf8')) as { courts: unknown[]; counts: { garrison: number } };
    assert.deepEqual([result.file, result.courts, result.counts.garrison], [out, written.courts.length, written.counts.garrison]);
  });
});

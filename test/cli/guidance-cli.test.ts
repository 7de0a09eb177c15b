// `otkaz guidance check | route | offences` end to end (embedded database in a temporary folder).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';

describe('otkaz guidance', () => {
  // The route's statistics come from the bundled snapshot, loaded already (its first load: test/cli/stats-cli).
  useTempDataDir('otkaz-guidance-cli-', 'statistics');

  it('guidance check passes and reports what needs attention', async () => {
    const { code, out } = await cli('guidance', 'check', '--today', '2026-11-26');
    assert.equal(code, 0);
    assert.match(out, /unsourced: none/);
    assert.match(out, /passed, not confirmed in force: .*dec-2025-bill/);
    const later = await cli('guidance', 'check', '--today', '2027-12-01', '--json');
    assert.equal(later.code, 0);
    assert.ok((JSON.parse(later.out) as { stale: unknown[] }).stale.length > 0);
  });

  it('guidance route answers in both languages, with facts and the statistics behind protection', async () => {
    const en = await cli('guidance', 'route', '--status', 'deserter', '--case', '--documents', 'internal', '--today', '2026-11-26');
    assert.equal(en.code, 0);
    assert.match(en.out, /Kazakhstan \(KAZ\) — Reachable: yes; Risk: HIGH/);
    assert.match(en.out, /2026-02-02, Kazakhstan: handover to Russia/);
    assert.match(en.out, /Statistics: UNHCR total recognition rate 2025 = [\d.]+ % \(/);
    const ru = await cli('guidance', 'route', '--status', 'civilian', '--documents', 'internal', '--lang', 'ru', '--today', '2026-11-26');
    assert.match(ru.out, /Армения \(ARM\) — Доступность: при условиях/);
    // --json is the API's answer: the same fields (the input as checked, with the date given).
    const json = await cli('guidance', 'route', '--status', 'civilian', '--in', 'RU', '--today', '2026-11-26', '--json');
    assert.equal(json.code, 0, json.err);
    const parsed = JSON.parse(json.out) as {
      input: { location: string; today: string; documents: string[] };
      destinations: Array<{ country: string; reachable: string }>;
    };
    assert.deepEqual([parsed.input.location, parsed.input.today, parsed.input.documents], ['RUS', '2026-11-26', ['internal_passport']]);
    assert.equal(parsed.destinations.find((d) => d.country === 'ARM')?.reachable, 'conditional');
    const bad = await cli('guidance', 'route', '--status', 'general');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown status "general"/);
    // Named like every other enum flag: the flag first, then the accepted values.
    assert.match(bad.err, /\[cli\.usage\]: --status: unknown status "general" \(conscript, contract, .*civilian\)/);
    const missing = await cli('guidance', 'route');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--status: required: one of conscript/);
    const place = await cli('guidance', 'route', '--status', 'civilian', '--in', 'Atlantis');
    assert.equal(place.code, 2);
    assert.match(place.err, /\[cli\.usage\]: --in: ISO3 country code/);
  });

  it('guidance offences lists the penalty ranges', async () => {
    const { out } = await cli('guidance', 'offences', '--lang', 'ru');
    assert.match(out, /338\s+3\s+Дезертирство в период мобилизации или войны\s+от 5 до 15 лет/);
  });

  it('guidance offences and facts take --json (every data command does); a bad --lang is a coded usage error', async () => {
    const offences = await cli('guidance', 'offences', '--json');
    assert.equal(offences.code, 0, offences.err);
    const parsed = JSON.parse(offences.out) as Array<{ article: string; part: string | null; penalty: { max_years: number | null } }>;
    assert.equal(parsed.find((o) => o.article === '338' && o.part === '3')?.penalty.max_years, 15);
    const facts = await cli('guidance', 'facts', '--json');
    assert.equal(facts.code, 0, facts.err);
    assert.ok((JSON.parse(facts.out) as Array<{ id: string }>).some((f) => f.id === 'law-365fz'));
    const bad = await cli('guidance', 'offences', '--lang', 'de');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /\[cli\.usage\].*--lang.*"en".*"ru"/);
  });
});

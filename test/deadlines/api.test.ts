// The deadline routes: public (also where reads need a token), the operation's answer, problem+json naming the field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestApi, testApi } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

describe('deadline API', () => {
  let api: TestApi;
  before(async () => {
    const pglite = ENGINES.find((e) => e.name === 'pglite');
    assert.ok(pglite);
    api = await testApi(pglite); // a deployment whose reads need a token: the deadline routes stay public
  });
  after(() => api.close());

  it('lists the rules', async () => {
    const r = await api.app.inject({ url: '/api/v1/deadlines/rules' });
    assert.equal(r.statusCode, 200);
    const rules = r.json() as Array<{ id: string; holidays: { defaultRegion: string }; options: { legalAid?: { withinDays: number } } }>;
    assert.equal(rules.find((x) => x.id === 'de.bamf.klage')?.holidays.defaultRegion, 'DE');
    assert.equal(rules.find((x) => x.id === 'fr.cnda.recours')?.options.legalAid?.withinDays, 15);
  });

  it('computes a deadline with its explanation', async () => {
    // Friday 27 March 2026 + 1 week = Good Friday 3 April → Easter Monday 6 April passed → Tuesday 7 April.
    const r = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=de.bamf.offensichtlich-unbegruendet&from=2026-03-27&region=DE-BE' });
    assert.equal(r.statusCode, 200);
    const body = r.json() as { due: string; urgentApplication: boolean; explanation: string[]; sources: Array<{ citation: string }> };
    assert.equal(body.due, '2026-04-07');
    assert.equal(body.urgentApplication, true);
    assert.ok(body.explanation.includes('2026-04-03 (Friday) is Karfreitag (public holiday in DE-BE)'));
    // Overseas and legal aid through the query string: 2 March + 2 months = Saturday 2 May → Monday 4 May.
    const fr = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=fr.cnda.recours&from=2026-03-02&overseas=true' });
    assert.equal((fr.json() as { due: string }).due, '2026-05-04');
  });

  it('bad input: 400 problem+json naming the field', async () => {
    const unknown = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=xx.none&from=2026-03-02' });
    assert.equal(unknown.statusCode, 400);
    assert.match(String(unknown.headers['content-type']), /application\/problem\+json/);
    assert.equal((unknown.json() as { code: string }).code, 'deadlines.input');
    assert.match((unknown.json() as { detail: string }).detail, /^rule: unknown rule "xx\.none"/);
    const date = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=de.bamf.klage&from=2026-02-30' });
    assert.equal(date.statusCode, 400);
    assert.match((date.json() as { detail: string }).detail, /from: no such date/);
    const late = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=fr.cnda.recours&from=2026-03-02&legalAidRequestedOn=2026-03-18' });
    assert.equal(late.statusCode, 400);
    assert.match((late.json() as { detail: string }).detail, /^legalAidRequestedOn: .*does not suspend/);
    const flag = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=fr.cnda.recours&from=2026-03-02&overseas=maybe' });
    assert.equal(flag.statusCode, 400);
    assert.match((flag.json() as { detail: string }).detail, /overseas/);
  });
});

// The deadline routes: public (also where reads need a token), the operation's answer, problem+json naming the field
// (a refusal of the engine with its reason and field as data, its message in the language asked).
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
    const body = r.json() as {
      due: string;
      urgentApplication: boolean;
      explanation: string[];
      steps: Array<{ kind: string; holiday?: string | null }>;
      sources: Array<{ citation: string }>;
    };
    assert.equal(body.due, '2026-04-07');
    assert.equal(body.urgentApplication, true);
    assert.ok(body.explanation.includes('2026-04-03 (Friday) is Karfreitag (public holiday in DE-BE)'));
    // The same steps structured, for an app to write in its own language; the sentences in Russian with language=ru.
    const steps = body.steps;
    assert.deepEqual(
      steps.find((s) => s.kind === 'nonWorking'),
      { kind: 'nonWorking', date: '2026-04-03', holiday: 'Karfreitag', region: 'DE-BE' },
    );
    assert.equal(steps.at(-1)?.kind, 'due');
    const ru = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=de.bamf.offensichtlich-unbegruendet&from=2026-03-27&region=DE-BE&language=ru' });
    assert.equal(ru.statusCode, 200, ru.body);
    const inRussian = ru.json() as { due: string; title: string; note: string; explanation: string[]; steps: unknown[] };
    assert.equal(inRussian.due, '2026-04-07');
    assert.equal(inRussian.title, 'Иск против отказа как «явно необоснованного»');
    assert.match(inRussian.note, /срочное ходатайство/);
    assert.ok(inRussian.explanation.includes('2026-04-03 (пятница) — праздничный день в DE-BE (Karfreitag)'), inRussian.explanation.join('\n'));
    assert.deepEqual(inRussian.steps, steps);
    const unknownLanguage = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=de.bamf.klage&from=2026-03-27&language=de' });
    assert.equal(unknownLanguage.statusCode, 400);
    assert.match((unknownLanguage.json() as { detail: string }).detail, /language/);
    // The rules carry every text in both languages.
    const rules = (await api.app.inject({ url: '/api/v1/deadlines/rules' })).json() as Array<{
      id: string;
      event: { ru: string };
      holidays: { note: { ru: string } };
    }>;
    assert.equal(rules.find((x) => x.id === 'de.bamf.klage')?.event.ru, 'дата вручения');
    assert.match(rules.find((x) => x.id === 'fr.cnda.recours')?.holidays.note.ru ?? '', /праздничные дни/);
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
    // The refusal as data beside the message: its stable reason and field, and the values a page needs to write it.
    const lateBody = late.json() as { code: string; reason: string; field: string; refusal: { reason: string; days: number; end: string } };
    assert.deepEqual([lateBody.code, lateBody.reason, lateBody.field], ['deadlines.input', 'legal_aid_too_late', 'legalAidRequestedOn']);
    assert.deepEqual([lateBody.refusal.reason, lateBody.refusal.days, lateBody.refusal.end], ['legal_aid_too_late', 16, '2026-04-02']);
    // language=ru: the same refusal, its message in Russian (as the explanation is).
    const lateRu = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=fr.cnda.recours&from=2026-03-02&legalAidRequestedOn=2026-03-18&language=ru' });
    assert.equal(lateRu.statusCode, 400);
    const lateRuBody = lateRu.json() as { code: string; detail: string; reason: string; field: string; refusal: unknown };
    assert.equal(lateRuBody.code, 'deadlines.input');
    assert.match(lateRuBody.detail, /^legalAidRequestedOn: ходатайство подано через 16 дней .*не приостанавливает срок/);
    assert.deepEqual([lateRuBody.reason, lateRuBody.field, lateRuBody.refusal], [lateBody.reason, lateBody.field, lateBody.refusal]);
    const missing = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=de.bamf.klage&language=ru' });
    assert.equal(missing.statusCode, 400);
    assert.equal((missing.json() as { detail: string }).detail, 'from: обязательное поле: дата вручения (ГГГГ-ММ-ДД)');
    const unknownRu = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=xx.none&from=2026-03-02&language=ru' });
    assert.match((unknownRu.json() as { detail: string }).detail, /^rule: нет такого правила «xx\.none» \(правила: de\.bamf\.klage/);
    const flag = await api.app.inject({ url: '/api/v1/deadlines/compute?rule=fr.cnda.recours&from=2026-03-02&overseas=maybe' });
    assert.equal(flag.statusCode, 400);
    assert.match((flag.json() as { detail: string }).detail, /overseas/);
  });
});

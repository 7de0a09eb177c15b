// The guidance knowledge base and route checker. Scenarios and expectations were written by hand from the facts
// in shared/docs/guidance-facts.md (dates as of the test's fixed "today", 2026-11-26).
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkKnowledgeBase, isStale } from '../../src/guidance/check.ts';
import { GUIDANCE_DIR } from '../../src/guidance/files.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { penaltiesFor } from '../../src/guidance/penalties.ts';
import { renderRoute } from '../../src/guidance/render.ts';
import { checkRoute, recency } from '../../src/guidance/route.ts';
import { OtkazError } from '../../src/shared/errors.ts';
import { tempDir } from '../helpers/temp.ts';

const TODAY = '2026-11-26';
const kb = loadKnowledgeBase();

function copyWith(file: string, edit: (text: string) => string): string {
  const dir = tempDir('otkaz-kb-');
  cpSync(GUIDANCE_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

describe('knowledge base', () => {
  it('every entry validates; every fact has a source, dates, confidence; every reference resolves', () => {
    assert.ok(kb.facts.length >= 90);
    for (const fact of kb.facts) {
      assert.ok(fact.sources.length > 0, `${fact.id} has no source`);
      assert.match(fact.verified, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(fact.text.en && fact.text.ru, `${fact.id} needs both languages`);
    }
    const report = checkKnowledgeBase(kb, TODAY);
    assert.equal(report.ok, true);
    assert.deepEqual(report.unsourced, []);
    assert.deepEqual(report.notInForce.sort(), ['art328-bill-2022', 'dec-2025-bill']);
  });

  it('covers the required offences with their penalty ranges', () => {
    const parts = kb.offences.map((o) => `${o.article}${o.part ? `.${o.part}` : ''}`);
    for (const p of ['337.2.1', '337.3.1', '337.5', '338.1', '338.3', '332.2.1', '339', '352.1', '328.1']) assert.ok(parts.includes(p), `missing ${p}`);
    const p5 = kb.offences.find((o) => o.article === '337' && o.part === '5');
    assert.ok(p5, 'art. 337 part 5');
    assert.deepEqual([p5.penalty.min_years, p5.penalty.max_years, p5.introduced?.law], [5, 10, '365-FZ']);
    assert.deepEqual(kb.offences.find((o) => o.article === '338' && o.part === '3')?.penalty.max_years, 15);
  });

  it('flags facts not verified for more than 12 months', () => {
    const fact = kb.factById.get('law-365fz');
    assert.ok(fact, 'fact law-365fz');
    assert.equal(isStale(fact, TODAY), false);
    assert.equal(isStale(fact, '2027-06-03'), true);
    // More than 12 months after the latest verification of any fact (evidence.yaml's facts were verified 2026-12-02).
    const later = checkKnowledgeBase(kb, '2027-12-03');
    assert.equal(later.stale.length, kb.facts.length);
  });

  it('on a leap day, 12 months back is the last day of February: a fact verified that day is not yet stale', () => {
    const known = kb.factById.get('law-365fz');
    assert.ok(known, 'fact law-365fz');
    const fact = { ...known, verified: '2023-02-28' };
    // Before the fix the limit rolled over to 2023-03-01 and this fact, exactly 12 months old, was stale.
    assert.equal(isStale(fact, '2024-02-29'), false);
    assert.equal(isStale({ ...fact, verified: '2023-02-27' }, '2024-02-29'), true);
    assert.equal(isStale(fact, '2024-03-01'), true);
    assert.equal(isStale({ ...fact, verified: '2023-12-31' }, '2024-12-31'), false);
    assert.equal(isStale({ ...fact, verified: '2023-12-30' }, '2024-12-31'), true);
  });

  it('an unsourced fact fails the check; a broken reference or bad date fails the load, naming the file', () => {
    const unsourced = copyWith('organisations.yaml', (t) =>
      t.replace(
        /sources:\n\s+- url: https:\/\/en.wikipedia.org\/wiki\/Go_by_the_Forest\n\s+- url: https:\/\/zerkalo-by-mirror.online\/news\/world\/97186.html/,
        'sources: []',
      ),
    );
    const report = checkKnowledgeBase(loadKnowledgeBase(unsourced), TODAY);
    assert.deepEqual([report.ok, report.unsourced], [false, ['get-lost-founded']]);
    const dangling = copyWith('destinations.yaml', (t) => t.replace('facts: [kz-handover-2026]', 'facts: [kz-no-such-fact]'));
    assert.throws(
      () => loadKnowledgeBase(dangling),
      (e: unknown) => e instanceof OtkazError && e.code === 'guidance.invalid' && /unknown fact "kz-no-such-fact"/.test(e.message),
    );
    const badDate = copyWith('exit.yaml', (t) => t.replace('date: 2023-08-04', 'date: 4 Aug 2023'));
    assert.throws(
      () => loadKnowledgeBase(badDate),
      (e: unknown) => e instanceof OtkazError && /exit\.yaml at facts\.\d+\.date/.test(e.message),
    );
  });
});

describe('knowledge base: checklists by claim type and allegations against units (evidence.yaml)', () => {
  it('has a checklist for each claim type, every item sourced; allegations name units with sources, confidence and licence', () => {
    assert.deepEqual(kb.checklists.map((c) => c.claim_type).sort(), [
      'awol_337',
      'conscript_reservist_before_callup',
      'contract_soldier',
      'deserter_criminal_case',
      'mobilised_before_deployment',
    ]);
    for (const c of kb.checklists)
      for (const item of c.items)
        assert.ok(
          item.facts.every((f) => kb.factById.has(f)),
          `${c.claim_type}/${item.id}`,
        );
    const callup = kb.checklists.find((c) => c.claim_type === 'mobilised_before_deployment')?.items.find((i) => i.id === 'mobilisation-papers');
    assert.deepEqual(
      callup?.destinations.map((d) => d.country),
      ['FRA', 'DEU', 'USA'],
    );
    assert.ok(callup?.destinations.find((d) => d.country === 'DEU')?.facts.includes('ev-de-ovg-bautzen-2025'));
    const vityaz = kb.allegations.find((a) => a.units.some((u) => u.number === '3179'));
    assert.equal(vityaz?.id, 'al-vityaz-76-bucha');
    assert.ok(kb.allegations.every((a) => a.licence === 'not_verified' && a.sources.length > 0));
    assert.equal(kb.allegations.find((a) => a.id === 'al-fsin-torture')?.sources[0]?.document, 'A/HRC/52/62');
  });

  it('a bad entry is a coded error naming the file and the field; a dangling fact names the item', () => {
    const badConfidence = copyWith('evidence.yaml', (t) => t.replace('confidence: reported', 'confidence: rumour'));
    assert.throws(
      () => loadKnowledgeBase(badConfidence),
      (e: unknown) => e instanceof OtkazError && e.code === 'guidance.invalid' && /evidence\.yaml at allegations\.1\.confidence/.test(e.message),
    );
    const badNumber = copyWith('evidence.yaml', (t) => t.replace('number: "3179"', 'number: "в/ч 3179"'));
    assert.throws(
      () => loadKnowledgeBase(badNumber),
      (e: unknown) => e instanceof OtkazError && /evidence\.yaml at allegations\.1\.units\.0\.number/.test(e.message),
    );
    const dangling = copyWith('evidence.yaml', (t) => t.replace('facts: [ev-wanted-list-risk, ev-ap-checks]', 'facts: [ev-no-such-fact]'));
    assert.throws(
      () => loadKnowledgeBase(dangling),
      (e: unknown) =>
        e instanceof OtkazError &&
        /unknown fact "ev-no-such-fact"/.test(e.message) &&
        /evidence\.yaml: checklist deserter_criminal_case item case-papers facts/.test(e.message),
    );
    const backwards = copyWith('evidence.yaml', (t) => t.replace('period: { from: 2022, to: 2024 }', 'period: { from: 2024, to: 2022-06 }'));
    assert.throws(
      () => loadKnowledgeBase(backwards),
      (e: unknown) =>
        e instanceof OtkazError &&
        /al-fsin-torture: the period ends before it starts/.test(e.message) &&
        /evidence\.yaml: allegation al-fsin-torture period/.test(e.message),
    );
  });
});

describe('case page: penalty ranges of its articles and parts', () => {
  it('maps charges to offences once each', () => {
    const penalties = penaltiesFor(kb, [
      { article: '337', part: '5' },
      { article: '338', part: '3' },
      { article: '337', part: '5' },
      { article: '352.1', part: null },
    ]);
    assert.deepEqual(
      penalties.map((p) => [p.article, p.part, p.offence?.penalty.min_years, p.offence?.penalty.max_years]),
      [
        ['337', '5', 5, 10],
        ['338', '3', 5, 15],
        ['352.1', null, 3, 10],
      ],
    );
  });
});

describe('route checker (hand-written scenarios)', () => {
  it('internal passport only, in Russia: Belarus, Kazakhstan, Kyrgyzstan reachable; Armenia by air only; Schengen and the US not', () => {
    const result = checkRoute(kb, { documents: ['internal_passport'], status: 'civilian', location: 'RUS', today: TODAY });
    const reach = Object.fromEntries(result.destinations.map((d) => [d.country, d.reachable]));
    assert.equal(reach.BLR, 'yes');
    assert.equal(reach.KAZ, 'yes');
    assert.equal(reach.KGZ, 'yes');
    assert.equal(reach.ARM, 'conditional');
    assert.equal(reach.GEO, 'no');
    assert.equal(reach.DEU, 'no');
    assert.equal(reach.USA, 'no');
    const condition = result.destinations.find((d) => d.country === 'ARM')?.conditions[0];
    assert.ok(condition, 'Armenia with a condition');
    assert.match(condition.text.en, /by air only/);
    assert.ok(condition.facts.includes('armenia-air-only'));
    // Reachable destinations come first.
    assert.deepEqual(
      result.destinations.slice(0, 2).map((d) => d.reachable),
      ['yes', 'yes'],
    );
  });

  it('deserter with an open case: Kazakhstan is high risk, shown with its 2026 handover; penalties of art. 338 part 3', () => {
    const result = checkRoute(kb, {
      documents: ['internal_passport', 'international_passport'],
      status: 'deserter',
      caseOpen: true,
      location: 'RUS',
      today: TODAY,
    });
    const kz = result.destinations.find((d) => d.country === 'KAZ');
    assert.ok(kz, 'Kazakhstan');
    assert.equal(kz.risk.level, 'high');
    assert.equal(kz.risk.incidents[0]?.incident.date, '2026-02-02');
    assert.equal(kz.risk.incidents[0]?.incident.kind, 'handover');
    assert.equal(kz.risk.incidents[0]?.weight, 3); // 9 months old: full weight
    assert.ok(kz.risk.summary.facts.includes('kz-handover-2026'));
    const p3 = result.situation.find((l) => l.facts.includes('art338-p3'));
    assert.ok(p3, 'the art. 338 part 3 line');
    assert.match(p3.text.en, /5 to 15 years/);
    assert.ok(
      result.situation.some((l) => l.facts.includes('minsk-convention')),
      'an open case brings the extradition frame',
    );
    assert.ok(result.situation.some((l) => l.facts.includes('dec-2025-bill') && /not confirmed in force/.test(l.text.en)));
    assert.ok(
      result.evidence.some((l) => /otkaz archive export --case/.test(l.text.en)),
      'the court record from the tracker, with its hash',
    );
    assert.ok(result.organisations.some((o) => o.id === 'get-lost'));
    const de = result.destinations.find((d) => d.country === 'DEU');
    assert.ok(de, 'Germany');
    assert.equal(de.reachable, 'conditional');
    assert.deepEqual(
      de.protection.rulings.map((r) => r.date),
      ['2025-01-20', '2024-08-22', '2023-03-20'],
    );
  });

  it('Armenia: abductions from the Gyumri base weigh less as they age; a refusal to extradite is shown but adds no risk', () => {
    const result = checkRoute(kb, { documents: ['internal_passport'], status: 'deserter', location: 'RUS', today: TODAY });
    const am = result.destinations.find((d) => d.country === 'ARM');
    assert.ok(am, 'Armenia');
    assert.equal(am.risk.level, 'elevated');
    const kinds = am.risk.incidents.map((i) => [i.incident.kind, i.weight]);
    assert.deepEqual(kinds, [
      ['refusal_to_extradite', 0],
      ['abduction', 0.75],
      ['abduction', 0.75],
      ['release', 0],
    ]);
    assert.deepEqual([recency(6), recency(18), recency(30), recency(60)], [1, 0.5, 0.25, 0.1]);
  });

  it('already in Kazakhstan: the risk where he is comes first', () => {
    const result = checkRoute(kb, { documents: ['internal_passport'], status: 'awol', caseOpen: true, location: 'KAZ', today: TODAY });
    assert.match(result.situation[0]?.text.en ?? '', /Where you are \(Kazakhstan\), risk high/);
    assert.ok(!result.destinations.some((d) => d.country === 'KAZ'));
    assert.ok(result.destinations.every((d) => d.reachable === 'unknown'));
  });

  it('a reservist with a summons: exit ban and passport facts, evidence of liability to call-up', () => {
    const result = checkRoute(kb, { documents: ['international_passport'], status: 'reservist_summoned', location: 'RUS', preferences: ['FRA'], today: TODAY });
    assert.ok(result.situation.some((l) => l.facts.includes('exit-ban-on-sending-437fz')));
    assert.ok(result.evidence.some((l) => l.facts.includes('fr-cnda-23060210')));
    assert.equal(result.destinations[0]?.country, 'FRA', 'preferences first');
    assert.equal(result.destinations.find((d) => d.country === 'GEO')?.reachable, 'yes');
  });

  it('renders in English and Russian, every line with its facts; stale facts are marked', () => {
    const result = checkRoute(kb, { documents: ['internal_passport'], status: 'deserter', caseOpen: true, location: 'RUS', today: TODAY });
    const en = renderRoute(result, kb, 'en');
    const ru = renderRoute(result, kb, 'ru');
    assert.match(en, /This is not legal advice/);
    assert.match(ru, /Это не юридическая консультация/);
    assert.match(en, /Kazakhstan \(KAZ\) — Reachable: yes; Risk: HIGH/);
    assert.match(ru, /Казахстан \(KAZ\) — Доступность: да; Риск: ВЫСОКИЙ/);
    assert.match(ru, /Ст\. 338 ч\. 3 \(Дезертирство в период мобилизации или войны\): от 5 до 15 лет\. \[факты: art338-p3/);
    const later = checkRoute(kb, { documents: ['internal_passport'], status: 'deserter', location: 'RUS', today: '2027-08-01' });
    assert.ok(later.staleFacts.length > 0);
    assert.match(renderRoute(later, kb, 'en'), /⚠ stale: not verified for over 12 months/);
  });

  it('bad input is a typed error', () => {
    assert.throws(() => checkRoute(kb, { documents: [], status: 'general' as never, location: 'RUS', today: TODAY }), /unknown status "general"/);
    assert.throws(() => checkRoute(kb, { documents: [], status: 'civilian', location: 'Russia', today: TODAY }), /ISO3/);
  });
});

// The explanation of a deadline in English and Russian (src/deadlines/explain.ts): the engine's structured steps,
// every kind written in both languages, the Russian plurals and weekdays, and `inLanguage` for the API and the
// command line. Dates and weekdays as in compute.test.ts (worked out by hand there): Friday 27 March 2026 + 1
// week = Friday 3 April (Karfreitag) → Tuesday 7 April; notified Monday 2 March, legal aid asked Tuesday 10 March
// (day 8, 23 days left to Thursday 2 April), decided Monday 20 April → Wednesday 13 May.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateIn, periodIn, russianPlural } from '../../src/deadlines/explain.ts';
import { computeDeadline, type DeadlineStep, explainStep, explainSteps, inLanguage } from '../../src/deadlines/index.ts';

const CYRILLIC = /[А-Яа-яЁё]/;
const LATIN_WORDS = /\b(?:the|is|a|of|to|and|days?|weeks?|months?|due|holidays?|suspended|overseas|working|set by hand)\b/i;

describe('the explanation in Russian', () => {
  it('the German week over Easter: the steps structured, each written in Russian', () => {
    const r = computeDeadline('de.bamf.offensichtlich-unbegruendet', { from: '2026-03-27', region: 'DE-BE' });
    assert.deepEqual(
      r.steps.map((s) => s.kind),
      ['holidays', 'urgent', 'period', 'nonWorking', 'nonWorking', 'nonWorking', 'nonWorking', 'nextWorkingDay', 'due'],
    );
    assert.deepEqual(r.steps[3], { kind: 'nonWorking', date: '2026-04-03', holiday: 'Karfreitag', region: 'DE-BE' });
    // The English sentences are the same steps written in English.
    assert.deepEqual(explainSteps(r.steps, 'en'), r.explanation);
    const ru = explainSteps(r.steps, 'ru');
    assert.deepEqual(ru, [
      'календарь праздничных дней: DE-BE',
      'срочно: в тот же срок подайте срочное ходатайство (§ 80(5) VwGO) — сам иск не приостанавливает выдворение',
      'дата вручения 2026-03-27 (пятница) + 1 неделя = 2026-04-03 (пятница)',
      '2026-04-03 (пятница) — праздничный день в DE-BE (Karfreitag)',
      '2026-04-04 (суббота) — выходной день',
      '2026-04-05 (воскресенье) — выходной день',
      '2026-04-06 (понедельник) — праздничный день в DE-BE (Ostermontag)',
      '→ следующий рабочий день: 2026-04-07 (вторник)',
      'последний день срока: 2026-04-07 (вторник)',
    ]);
  });

  it('the French legal-aid suspension, in Russian', () => {
    const pending = computeDeadline('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-10' });
    const ru = explainSteps(pending.steps, 'ru');
    assert.ok(
      ru.includes(
        'ходатайство о юридической помощи подано 2026-03-10 (вторник), на 8-й день (дата уведомления — 2026-03-02), то есть в пределах 15 дней: течение срока приостановлено, остаётся 23 дня (с 2026-03-10 (вторник) по 2026-04-02 (четверг))',
      ),
      ru.join('\n'),
    );
    assert.match(ru.at(-1) ?? '', /^срок приостановлен: /);
    const decided = computeDeadline('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-10', legalAidDecidedOn: '2026-04-20' });
    assert.ok(
      explainSteps(decided.steps, 'ru').includes(
        'уведомление о решении по юридической помощи 2026-04-20 (понедельник) + оставшиеся 23 дня = 2026-05-13 (среда)',
      ),
    );
  });

  it('every kind of step is written in both languages; the Russian one has no English words left', () => {
    // Between them these inputs take every step the engine has (the list below fails when a kind is missed).
    const results = [
      computeDeadline('de.bamf.unzulaessig', { from: '2026-03-15' }), // default holidays, urgent, weekend
      computeDeadline('fr.cnda.recours', { from: '2025-12-31', overseas: true }), // overseas, the end of February
      computeDeadline('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-10' }), // suspended
      computeDeadline('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-10', legalAidDecidedOn: '2026-04-20' }),
      computeDeadline('de.bamf.klage', { from: '2026-03-05', region: 'DE-BE' }), // a working day
      computeDeadline('de.manual', { from: '2026-04-01', due: '2026-04-03', region: 'DE-BE' }), // order date, kept on Karfreitag
      computeDeadline('us.manual', { due: '2026-07-04', shift: true }), // a federal holiday, moved
    ];
    const steps: DeadlineStep[] = results.flatMap((r) => [...r.steps]);
    const kinds = new Set(steps.map((s) => s.kind));
    const all: DeadlineStep['kind'][] = [
      'holidays',
      'urgent',
      'period',
      'monthEnd',
      'overseas',
      'legalAidRequested',
      'suspended',
      'legalAidDecided',
      'nonWorking',
      'nextWorkingDay',
      'workingDay',
      'event',
      'setByHand',
      'keptAsSet',
      'due',
    ];
    assert.deepEqual([...kinds].sort(), [...all].sort());
    for (const step of steps) {
      const en = explainStep(step, 'en');
      const ru = explainStep(step, 'ru');
      assert.ok(en.length > 0 && !CYRILLIC.test(en), `${step.kind}: ${en}`);
      // Read in the web app and in e-mails too: no input field's name ("legalAidDecidedOn") or flag ("shift").
      assert.doesNotMatch(en, /\b[a-z]+[A-Z]\w*\b|\bshift\b/, `${step.kind}: ${en}`);
      assert.ok(CYRILLIC.test(ru), `${step.kind}: ${ru}`);
      // Holiday names and legal terms stay as the source writes them (Karfreitag, délai de distance); no English.
      const withoutProperNames = ru.replace(/\([^()]*\)/g, '').replace(/délai de distance|Independence Day/g, '');
      assert.doesNotMatch(withoutProperNames, LATIN_WORDS, `${step.kind}: ${ru}`);
    }
  });

  it('Russian plurals and weekdays', () => {
    assert.deepEqual(
      [1, 2, 5, 11, 12, 21, 22, 25, 111, 30].map((n) => `${n} ${russianPlural(n, 'день', 'дня', 'дней')}`),
      ['1 день', '2 дня', '5 дней', '11 дней', '12 дней', '21 день', '22 дня', '25 дней', '111 дней', '30 дней'],
    );
    assert.equal(periodIn({ amount: 1, unit: 'weeks' }, 'ru'), '1 неделя');
    assert.equal(periodIn({ amount: 2, unit: 'months' }, 'ru'), '2 месяца');
    assert.equal(periodIn({ amount: 1, unit: 'years' }, 'ru'), '1 год');
    assert.equal(periodIn({ amount: 5, unit: 'years' }, 'ru'), '5 лет');
    assert.equal(periodIn({ amount: 1, unit: 'weeks' }, 'en'), '1 week');
    assert.equal(dateIn('2026-03-19', 'ru'), '2026-03-19 (четверг)');
    assert.equal(dateIn('2026-03-22', 'ru'), '2026-03-22 (воскресенье)');
    assert.equal(dateIn('2026-03-19', 'en'), '2026-03-19 (Thursday)');
  });

  it('inLanguage: the title, note, warning and explanation in Russian; the dates and steps unchanged', () => {
    const kept = computeDeadline('de.manual', { due: '2026-04-03', region: 'DE-BE' });
    assert.equal(kept.nonWorkingDay, '2026-04-03 (Friday) is Karfreitag (public holiday in DE-BE)');
    const ru = inLanguage(kept, 'ru');
    assert.equal(ru.title, 'Срок, назначенный судом или ведомством (вводится вручную)');
    assert.equal(ru.nonWorkingDay, '2026-04-03 (пятница) — праздничный день в DE-BE (Karfreitag)');
    assert.deepEqual([ru.due, ru.steps, ru.sources], [kept.due, kept.steps, kept.sources]);
    assert.ok(ru.explanation.every((line) => CYRILLIC.test(line)));
    const note = inLanguage(computeDeadline('fr.cnda.recours', { from: '2026-03-02' }), 'ru').note;
    assert.match(note ?? '', /уведомлении/);
    assert.deepEqual(inLanguage(kept, 'en'), kept);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initials, nameHash, redactNames } from '../../src/courts/cases/privacy.ts';
import { parseArticles } from '../../src/courts/parse/articles.ts';
import { encodeCp1251Component } from '../../src/courts/parse/decode.ts';
import { caseIdsFromUrl, parseRuDate } from '../../src/courts/parse/fields.ts';
import { classifyOutcome, outcomeFromAct, termMonths } from '../../src/courts/parse/outcome.ts';

describe('article lists', () => {
  it('several items, each with its code', () => {
    assert.deepEqual(parseArticles('ст.337 ч.5 УК РФ; ст.338 ч.1 УК РФ'), [
      { code: 'УК РФ', article: '337', part: '5', point: null, raw: 'ст.337 ч.5' },
      { code: 'УК РФ', article: '338', part: '1', point: null, raw: 'ст.338 ч.1' },
    ]);
  });
  it('one code after several items; parts with dots; points', () => {
    assert.deepEqual(
      parseArticles('ст.183 ч.4; ст.290 ч.3 УК РФ').map((a) => [a.code, a.article, a.part]),
      [
        ['УК РФ', '183', '4'],
        ['УК РФ', '290', '3'],
      ],
    );
    assert.deepEqual(parseArticles('ст.337 ч.2.1 УК РФ')[0]?.part, '2.1');
    assert.deepEqual(parseArticles('ст.352.1 УК РФ')[0]?.article, '352.1');
    assert.deepEqual(parseArticles('ст.173.1 ч.2 п.б УК РФ')[0]?.point, 'б');
  });
  it('mixed codes and nothing to parse', () => {
    assert.deepEqual(parseArticles('ст.19.34 ч.1 КоАП РФ')[0]?.code, 'КоАП РФ');
    assert.deepEqual(parseArticles(''), []);
    assert.deepEqual(parseArticles('Информация скрыта'), []);
  });
});

describe('outcomes and sentences (unknown wording is never guessed)', () => {
  const cases: [string, string, string | null][] = [
    ['Вынесен ПРИГОВОР', 'conviction', null],
    ['Вынесен ОПРАВДАТЕЛЬНЫЙ приговор', 'acquittal', null],
    ['Уголовное дело ПРЕКРАЩЕНО\nназначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)', 'termination', 'court_fine'],
    ['Уголовное дело прекращено в связи с заключением контракта о прохождении военной службы', 'termination', 'contract_signed'],
    ['Дело ПРЕКРАЩЕНО в связи с примирением сторон', 'termination', 'reconciliation'],
    ['Возвращено прокурору', 'returned_to_prosecutor', null],
    ['Направлено по подсудности', 'transferred', null],
    ['ПРИГОВОР оставлен БЕЗ ИЗМЕНЕНИЯ', 'upheld', null],
    ['ПРИГОВОР ОТМЕНЕН с направлением на новое рассмотрение', 'overturned', null],
    ['ПРИГОВОР ИЗМЕНЕН', 'modified', null],
  ];
  for (const [text, outcome, ground] of cases) {
    it(`"${text.split('\n')[0]}" → ${outcome}`, () => {
      const info = classifyOutcome(text);
      assert.equal(info?.outcome, outcome);
      assert.equal(info?.ground, ground);
      assert.equal(info?.unrecognised, false);
    });
  }
  it('unrecognised text is kept verbatim and flagged', () => {
    assert.deepEqual(classifyOutcome('Рассмотрено с вынесением чего-то нового'), {
      outcome: 'unknown',
      ground: null,
      sentence: null,
      text: 'Рассмотрено с вынесением чего-то нового',
      unrecognised: true,
      source: 'result',
    });
    assert.equal(classifyOutcome('  '), null);
  });
  it('sentence kinds and terms', () => {
    assert.deepEqual(classifyOutcome('Вынесен ПРИГОВОР: лишение свободы на срок 5 лет 6 месяцев в исправительной колонии общего режима')?.sentence, {
      kind: 'imprisonment',
      termMonths: 66,
      probationMonths: null,
      fineRub: null,
      colony: 'general',
    });
    assert.deepEqual(classifyOutcome('ОБВИНИТЕЛЬНЫЙ приговор: лишение свободы сроком 2 года условно с испытательным сроком 1 год 6 месяцев')?.sentence, {
      kind: 'suspended',
      termMonths: 24,
      probationMonths: 18,
      fineRub: null,
      colony: null,
    });
    assert.deepEqual(classifyOutcome('Вынесен ПРИГОВОР, штраф в размере 50 000 рублей')?.sentence, {
      kind: 'fine',
      termMonths: null,
      probationMonths: null,
      fineRub: 50000,
      colony: null,
    });
    assert.deepEqual(classifyOutcome('Вынесен ПРИГОВОР: содержание в дисциплинарной воинской части сроком 1 год')?.sentence, {
      kind: 'disciplinary_unit',
      termMonths: 12,
      probationMonths: null,
      fineRub: null,
      colony: null,
    });
    assert.equal(termMonths('на срок пять лет'), 60);
    assert.equal(termMonths('на срок 8 месяцев'), 8);
  });

  it('"N года M месяцев" and "N год M месяца" keep their months (not only the years)', () => {
    assert.equal(termMonths('на срок 2 года 6 месяцев'), 30);
    assert.equal(termMonths('на срок 3 (три) года 2 (два) месяца'), 38);
    assert.equal(termMonths('на срок 1 год 1 месяц'), 13);
    assert.equal(termMonths('на срок 4 года'), 48);
    assert.equal(termMonths('на срок 2 месяца'), 2);
    assert.equal(classifyOutcome('ОСУЖДЕН к лишению свободы на срок 2 года 6 месяцев')?.sentence?.termMonths, 30);
  });
});

describe('outcomes from the operative part of a published act', () => {
  // Phrasing modelled on published judgments; the texts are written here, not taken from a page.
  it('a judgment with a suspended sentence', () => {
    const body =
      'Суд, ... \nП Р И Г О В О Р И Л:\nпризнать Ф.И.О. виновным в совершении преступления, предусмотренного ч. 5 ст. 337 УК РФ, и назначить ему наказание в виде лишения свободы на срок 2 (два) года.\nНа основании ст. 73 УК РФ назначенное наказание считать условным с испытательным сроком 1 (один) год 6 месяцев.';
    assert.deepEqual(outcomeFromAct('Судебный акт #1 (Приговор)', body), {
      text: 'Судебный акт #1 (Приговор)',
      unrecognised: false,
      source: 'act',
      outcome: 'conviction',
      ground: null,
      sentence: { kind: 'suspended', termMonths: 24, probationMonths: 18, fineRub: null, colony: null },
    });
  });
  it('an acquittal, a termination, and acts that say nothing', () => {
    assert.equal(outcomeFromAct('Приговор', 'ПРИГОВОРИЛ: признать Ф.И.О. невиновным и оправдать')?.outcome, 'acquittal');
    const ended = outcomeFromAct('Судебный акт #1 (Постановление)', 'ПОСТАНОВИЛ: прекратить уголовное дело в отношении Ф.И.О. на основании ст. 78.1 УК РФ');
    assert.deepEqual([ended?.outcome, ended?.ground], ['termination', 'contract_signed']);
    assert.equal(outcomeFromAct('Судебный акт #1 (Определение)', 'ОПРЕДЕЛИЛА: оставить без изменения'), null);
    assert.equal(outcomeFromAct('Приговор', 'текст без резолютивной части'), null);
  });
});

describe('dates, ids, encoding', () => {
  it('dates', () => {
    assert.equal(parseRuDate('22.04.2026'), '2026-04-22');
    assert.equal(parseRuDate(' 1.2.2024 '), '2024-02-01');
    assert.equal(parseRuDate('31.02.2024'), null);
    assert.equal(parseRuDate('ДД.ММ.ГГГГ'), null);
  });
  it('case ids of both layouts', () => {
    assert.deepEqual(
      caseIdsFromUrl(
        '/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18223875&case_uid=3128AF6A-aafd-43ab-a873-18c4f46b860e&new=2800001&delo_id=2800001',
      ),
      {
        caseId: '18223875',
        caseUid: '3128af6a-aafd-43ab-a873-18c4f46b860e',
        deloId: '2800001',
        newCode: '2800001',
      },
    );
    assert.deepEqual(caseIdsFromUrl('/modules.php?name=sud_delo&name_op=case&_id=1&_uid=a-b&_deloId=1540006&_caseType=0&_new=0&srv_num=1'), {
      caseId: '1',
      caseUid: 'a-b',
      deloId: '1540006',
      newCode: '0',
    });
  });
  it('query values are percent-encoded from windows-1251', () => {
    assert.equal(encodeCp1251Component('Найти'), '%CD%E0%E9%F2%E8');
    assert.equal(encodeCp1251Component('337 ч.5'), '337+%F7.5');
    assert.equal(encodeCp1251Component('173.1 ч.2 п.б'), '173.1+%F7.2+%EF.%E1');
  });
});

describe('privacy of names', () => {
  it('initials and keyed hashes', () => {
    assert.equal(initials('Никитина Алина Романовна'), 'Н.А.Р.');
    assert.equal(initials('Информация скрыта'), null);
    const a = nameHash('k'.repeat(32), 'Никитина Алина Романовна');
    assert.equal(a, nameHash('k'.repeat(32), '  никитина  алина романовна '));
    assert.notEqual(a, nameHash('x'.repeat(32), 'Никитина Алина Романовна'));
    assert.match(a ?? '', /^[0-9a-f]{64}$/);
    assert.equal(nameHash('k'.repeat(32), 'Информация скрыта'), null);
  });
  it('names in free text become initials; organisations stay', () => {
    assert.equal(
      redactNames('Адвокат Сипайловского филиала г.Уфы «Башкирской Республиканской коллегии адвокатов» Фролова Надежда Викторовна'),
      'Адвокат Сипайловского филиала г.Уфы «Башкирской Республиканской коллегии адвокатов» Ф.Н.В.',
    );
    assert.equal(redactNames('Прокуратура Кировского района г.Уфа, Соколов Д.И.'), 'Прокуратура Кировского района г.Уфа, С.Д.И.');
    assert.equal(redactNames('Осипова Л. Р., Осипов Д. Е.'), 'О.Л.Р., О.Д.Е.');
    assert.equal(redactNames('(для вручения Беловой Марине Андреевне)'), '(для вручения Б.М.А.)');
    assert.equal(redactNames('ФКУ ИК-15 УФСИН России по Самарской области'), 'ФКУ ИК-15 УФСИН России по Самарской области');
  });
});

// The name model on its own: every form of a personal name that court texts use becomes initials; court
// names, article references, placeholders and ordinary words stay readable. All names here are invented.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initials, nameHash, redactNames } from '../../src/courts/cases/privacy.ts';

/** [text, words that must not survive] */
const LEAKS: [string, string[]][] = [
  ['Уголовное дело ПРЕКРАЩЕНО в отношении Громова Глеба Геннадьевича', ['Громов', 'Глеб']],
  ['Вынесен ПРИГОВОР в отношении Громов Глеб Геннадьевич', ['Громов', 'Глеб']],
  ['ГРОМОВ ГЛЕБ ГЕННАДЬЕВИЧ', ['ГРОМОВ', 'ГЛЕБ']],
  ['сведения о Громове Глебе Геннадьевиче', ['Громов', 'Глеб']],
  ['направить Громову Глебу Геннадьевичу', ['Громов', 'Глеб']],
  ['с Громовым Глебом Геннадьевичем', ['Громов', 'Глеб']],
  ['о Сомове Илье Кузьмиче', ['Сомов']],
  ['Сомов Илья Кузьмич', ['Сомов', 'Илья']],
  ['Ершов Пётр Ильич осужден', ['Ершов', 'Пётр']],
  ['Лукин Савва Фомич', ['Лукин', 'Савва']],
  ['Глеб Геннадьевич Громов', ['Громов', 'Глеб']],
  ['Глеб Громов, 1990 г.р.', ['Громов', 'Глеб']],
  ['Громов Глеб', ['Громов', 'Глеб']],
  ['защитник Г.Г. Громов', ['Громов']],
  ['защитник Г. Г. Громов', ['Громов']],
  ['Громов Г.Г. не явился', ['Громов']],
  ['ГРОМОВ Г.Г.', ['ГРОМОВ']],
  ['Громов Г. Г.', ['Громов']],
  ['Громов Г.Г.,', ['Громов']],
  ['Г.Г.Громов', ['Громов']],
  ['Римская-Корсакова Анна Сергеевна', ['Римская', 'Корсакова', 'Анна']],
  ['Римской-Корсаковой А.С.', ['Римской', 'Корсаковой']],
  ['Мамедов Эльчин Рашид оглы', ['Мамедов', 'Эльчин', 'Рашид']],
  ['Алиева Лейла Вагиф кызы', ['Алиева', 'Лейла', 'Вагиф']],
  ['административное дело по апелляционной жалобе Беловой ФИО19 на решение', ['Белов']],
  ['(для вручения Беловой Марине Андреевне)', ['Белов', 'Марин']],
  ['Судья Петров И.И. рассмотрел', ['Петров']],
];

/** Texts that hold no personal name and must come out as they went in. */
const KEPT = [
  'ст. 337 ч. 5 УК РФ',
  'ст.337 ч.5 УК РФ; ст.338 ч.1 УК РФ',
  'Прокуратура Кировского района г.Уфа',
  'ФКУ ИК-15 УФСИН России по Самарской области',
  '235 гарнизонный военный суд',
  'Южный окружной военный суд',
  'Вынесен ПРИГОВОР',
  'ОСУЖДЕН к лишению свободы на срок 2 года',
  'Уголовное дело ПРЕКРАЩЕНО\nназначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)',
  'Зал №2',
  'Регистрация поступившего в суд дела',
  'Н.А.Р. признать виновной',
  'Военная прокуратура Ростовского гарнизона',
  'Верховный Суд Российской Федерации',
];

describe('name model', () => {
  for (const [text, words] of LEAKS) {
    it(`redacts: ${text}`, () => {
      const out = redactNames(text);
      for (const w of words) assert.ok(!out.toLowerCase().replace(/ё/g, 'е').includes(w.toLowerCase().replace(/ё/g, 'е')), `"${w}" survives in "${out}"`);
    });
  }
  for (const text of KEPT) {
    it(`keeps: ${text.replace(/\n/g, ' ')}`, () => assert.equal(redactNames(text), text));
  }
  it('initials and keyed hashes', () => {
    assert.equal(initials('Никитина Алина Романовна'), 'Н.А.Р.');
    assert.equal(initials('Мамедов Эльчин Рашид оглы'), 'М.Э.Р.');
    assert.equal(initials('Информация скрыта'), null);
    assert.equal(nameHash('k'.repeat(32), 'Громов Глеб'), nameHash('k'.repeat(32), ' громов  глеб'));
  });
});

describe('the redaction stage on real pages (fictitious names)', () => {
  it('removes the persons, keeps organisations, courts, places and articles readable', async () => {
    const { parsePage } = await import('../../src/courts/parse/page.ts');
    const { redactParsed } = await import('../../src/courts/parse/redact.ts');
    const { fixture } = await import('../helpers/fixtures.ts');
    const page = redactParsed(parsePage({ bytes: fixture('leninsky_ufa_criminal.html'), url: null, status: 200 }));
    assert.equal(page.kind, 'case_card');
    const text = JSON.stringify(page);
    for (const kept of ['Адвокат Сипайловского филиала г.Уфы «Башкирской Республиканской коллегии адвокатов»', 'Прокуратура Кировского района г.Уфа', 'Ленинский районный суд г. Уфы РБ', 'УК РФ']) {
      assert.ok(text.includes(kept), `"${kept}" stays readable`);
    }
    for (const gone of ['Никитин', 'Фролов', 'Соколов']) assert.ok(!text.includes(gone), `${gone} is redacted`);
    if (page.kind === 'case_card') assert.ok(page.card.judge && /[а-я]{3}/.test(page.card.judge), 'the judge field is kept as published');
  });
});

describe('layers', () => {
  it('the name model imports nothing of otkaz; the parsers import nothing of the case store', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { projectPath } = await import('../../src/shared/paths.ts');
    const imports = (dir: string) =>
      readdirSync(projectPath(...dir.split('/'))).filter((f) => f.endsWith('.ts')).flatMap((f) =>
        [...readFileSync(projectPath(...dir.split('/'), f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${f}: ${m[1]}`));
    assert.deepEqual(imports('src/privacy').filter((i) => !/: node:/.test(i)), []);
    assert.deepEqual(imports('src/courts/parse').filter((i) => /\/cases\//.test(i)), []);
  });
});

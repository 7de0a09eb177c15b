// The name model on its own: every form of a personal name that court texts use becomes initials; court
// names, article references, placeholders and ordinary words stay readable. All names here are invented.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { initials, nameHash, redactNames } from '../../src/courts/cases/privacy.ts';
import { NameContext, redactNameField } from '../../src/privacy/names.ts';
import { CASES, givenWords, hits, norm, PHRASES, person, style, surnameWords, written } from '../helpers/names.ts';

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
  // Text that is not normalised: Latin look-alike letters, decomposed letters, soft hyphens and zero-width characters.
  ['в отношении Гр\u006fмова Глеба Геннадьевича', ['Громов', 'Глеб']],
  ['\u0041лексей Громов', ['Алексей', 'Громов']],
  ['Громов \u0041лексей Иванович', ['Громов', 'Алексей']],
  ['Громов Андре\u0438\u0306 Иванович', ['Громов', 'Андре']],
  ['Гро\u00adмов Глеб Геннадьевич', ['Громов', 'Гро', 'мов']],
  ['Гро\u200bмов Глеб', ['Громов', 'Гро', 'мов']],
  ['Гро\u200cмов Г.Г.', ['Громов', 'Гро', 'мов']],
  ['Гро\u200dмов Г.Г.', ['Громов', 'Гро', 'мов']],
  ['Гро\u2060мов Г.Г.', ['Громов', 'Гро', 'мов']],
  ['Гро\ufeffмов Г.Г.', ['Громов', 'Гро', 'мов']],
  ['Глеб Ге\u00adннадьевич Гро\u00adмов', ['Громов', 'Глеб', 'мов']],
  ['Громов \u0041.\u0042. не явился', ['Громов']],
  ['\u0041.\u0042. Громов', ['Громов']],
  // A maiden name in brackets.
  ['Тюрина (Пестрова) Анна Сергеевна', ['Тюрин', 'Пестров', 'Анна']],
  ['Тюрина (Пестрова) А.С.', ['Тюрин', 'Пестров']],
  ['Тюрина Анна Сергеевна (Пестрова)', ['Тюрин', 'Пестров', 'Анна']],
  // Initials without dots.
  ['Ладыгин И И осужден', ['Ладыгин']],
  ['Ладыгин И.И осужден', ['Ладыгин']],
  ['ЛАДЫГИН И И', ['ЛАДЫГИН']],
  // Cyrillic letters outside Russian's 33 (Ukrainian, Belarusian, Tatar, Bashkir, Kazakh): a name written with them.
  ['свидетеля Іваненко Олексія Петровича', ['Іваненко', 'Олексі']],
  ['свидетеля Іваненко О.П.', ['Іваненко']],
  ['свидетеля Гөлшат Шәмсетдиновой Рәшитовны', ['Гөлшат', 'Шәмсетдинов']],
  ['адвоката Шәмсетдинова Г.Р.', ['Шәмсетдинов']],
  ['Ўладзімір Караткевіч Сяргеевіч', ['Ўладзімір', 'Караткевіч']],
];

/** Texts that hold no personal name and must come out as they went in. */
const KEPT = [
  'г. Київ, вул. Хрещатик',
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
  'ООО «Romashka» и Ivanov Consulting',
  'J.R.R. Tolkien и A.B. Smith',
  'Приложение к протоколу (Пункт 2) И Т.Д.',
  'Кировского (Ленинского) района',
  'Приложение А Б В',
  'Ленинский (Кировский) районный суд',
];

/** Organisations in fields that hold a person (a party, a list row's person line): kept as they are. */
const KEPT_IN_NAME_FIELDS = [
  'ПАО Сбербанк',
  'Газпромбанк',
  'АО «Тинькофф Банк»',
  'ООО "Ромашка"',
  'МУП Водоканал',
  'Военный комиссариат Ростовской области',
  'ФКУ «Военный комиссариат Ростовской области»',
  'Министерство обороны Российской Федерации',
  'Администрация г. Нижний Новгород',
  'ГУ МВД России по г. Москве',
  'ИФНС России № 5 по г. Москве',
  'Войсковая часть 12345',
  'Командир войсковой части 01234',
  'Военная прокуратура Ростовского гарнизона',
  'Военный прокурор Южного военного округа',
  'Управление Росгвардии по Ростовской области',
  'Администрация Ленинского района',
  'Департамент городского имущества города Москвы',
  'УФССП России по Тверской области',
  'ДГИ г.Москвы',
  'Информация скрыта',
];

/** [person field, as stored] */
const NAME_FIELDS: [string, string][] = [
  ['Ким Ен Сук', 'К.Е.С.'],
  ['Гульшат Шамсутдинова', 'Г.Ш.'],
  ['Нурлан уулу Бакыт', 'Н.Б.'],
  ['Иванов И И', 'И.И.И.'],
  ['Иванов И.И', 'И.И.И.'],
  ['Смит Джон', 'С.Д.'],
  ['Адвокат Ким Ен Сук', 'Адвокат К.Е.С.'],
  ['Военная прокуратура Ростовского гарнизона, Пак Б.', 'Военная прокуратура Ростовского гарнизона, П.Б.'],
  ['Тюрина (Пестрова) Анна Сергеевна', 'Т. (П.) А.С.'],
  ['Гр\u006fмов Ен', 'Г.Е.'],
];

describe('name model', () => {
  for (const [text, words] of LEAKS) {
    it(`redacts: ${text}`, () => {
      const out = redactNames(text);
      for (const w of words) assert.ok(!norm(out).includes(norm(w)), `"${w}" survives in "${out}"`);
    });
  }
  for (const text of KEPT) {
    it(`keeps: ${text.replace(/\n/g, ' ')}`, () => assert.equal(redactNames(text), text));
  }
  for (const text of KEPT_IN_NAME_FIELDS) {
    it(`keeps in a person field: ${text}`, () => assert.equal(redactNameField(text), text));
  }
  for (const [text, stored] of NAME_FIELDS) {
    it(`reduces a person field: ${text}`, () => assert.equal(redactNameField(text), stored));
  }
  it('initials and keyed hashes', () => {
    assert.equal(initials('Никитина Алина Романовна'), 'Н.А.Р.');
    assert.equal(initials('Мамедов Эльчин Рашид оглы'), 'М.Э.Р.');
    assert.equal(initials('Информация скрыта'), null);
    assert.equal(nameHash('k'.repeat(32), 'Громов Глеб'), nameHash('k'.repeat(32), ' громов  глеб'));
    // A name as a page may encode it (Latin o, a soft hyphen, a decomposed й) is the name a lawyer types.
    assert.equal(nameHash('k'.repeat(32), 'Гр\u006f\u00adмов Андре\u0438\u0306'), nameHash('k'.repeat(32), 'Громов Андрей'));
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
    for (const kept of [
      'Адвокат Сипайловского филиала г.Уфы «Башкирской Республиканской коллегии адвокатов»',
      'Прокуратура Кировского района г.Уфа',
      'Ленинский районный суд г. Уфы РБ',
      'УК РФ',
    ]) {
      assert.ok(text.includes(kept), `"${kept}" stays readable`);
    }
    for (const gone of ['Никитин', 'Фролов', 'Соколов']) assert.ok(!text.includes(gone), `${gone} is redacted`);
    if (page.kind === 'case_card') assert.ok(page.card.judge && /[а-я]{3}/.test(page.card.judge), 'the judge field is kept as published');
  });
});

describe('names outside the lexicon, from the fields that hold persons', () => {
  const survivors = (text: string, words: string[]) =>
    words.filter((w) => new RegExp(`(?<![а-яa-z])${norm(w)}${w.length <= 3 ? '(?![а-яa-z])' : ''}`).test(norm(text)));

  it('a list page: the person lines are reduced and the words of their names are caught anywhere on the page', async () => {
    const { parsePage } = await import('../../src/courts/parse/page.ts');
    const { redactParsed } = await import('../../src/courts/parse/redact.ts');
    const { fixture } = await import('../helpers/fixtures.ts');
    const html = Buffer.from(fixture('ksoyu_listing_acts.html'))
      .toString('utf8')
      .replace('Лосев К. Д.', 'Лим Ен Сук')
      .replace('Ефимов П. С.', 'Гульшат Шамсутдинова')
      .replace('Фомин В.Г.', 'Смитт Джон')
      .replace('Шевчук О.Н.', 'Нурлан уулу Бакыт')
      .replace('Титова О. С.', 'Дорджиев И И');
    const page = redactParsed(parsePage({ bytes: new TextEncoder().encode(html), url: null, status: 200 }));
    assert.equal(page.kind, 'case_list');
    const text = JSON.stringify(page);
    assert.deepEqual(survivors(text, ['Лим', 'Ен', 'Сук', 'Гульшат', 'Шамсутдинов', 'Смитт', 'Джон', 'Нурлан', 'Бакыт', 'Дорджиев']), []);
    for (const kept of ['Перовский районный суд (Город Москва)', 'УФССП России по Тверской области', 'ДГИ г.Москвы', '2-5462/2025'])
      assert.ok(text.includes(kept), `"${kept}" stays readable`);
  });

  it('a card: defendants and parties with names the model does not know, and those names in the free text', async () => {
    const { parsePage } = await import('../../src/courts/parse/page.ts');
    const { redactParsed } = await import('../../src/courts/parse/redact.ts');
    const { renderNamedCard, cardUrl } = await import('../helpers/named-pages.ts');
    for (const layout of ['classic', 'new'] as const) {
      const bytes = renderNamedCard(
        {
          person: 'Эрдниев Бадма',
          caseResult: 'Уголовное дело ПРЕКРАЩЕНО в отношении Эрдниева Бадмы',
          personResult: 'ОСУЖДЕН\nназначить Эрдниеву Бадме наказание',
          articles: 'ст.337 ч.5 УК РФ',
          category: 'Преступления против военной службы',
          event: {
            name: 'Судебное заседание',
            place: 'Зал №2',
            result: 'с участием Мамедовой Эмины',
            basis: 'заявление Пака Тэнгира',
            note: 'Бадма не явился',
          },
          parties: [
            ['Защитник', 'Мамедова Эмина'],
            ['Потерпевший', 'Пак Тэнгир'],
            ['Прокурор', 'Военная прокуратура Ростовского гарнизона'],
          ],
          act: 'признать Эрдниева Бадму виновным; защитник Мамедова Э. пояснила',
          judge: 'Судьин С.С.',
        },
        layout,
        5,
      );
      const page = redactParsed(parsePage({ bytes, url: cardUrl(layout, 5), status: 200 }));
      assert.equal(page.kind, 'case_card');
      const text = JSON.stringify(page);
      assert.deepEqual(survivors(text, ['Эрдниев', 'Бадм', 'Мамедов', 'Эмин', 'Пак', 'Тэнгир']), [], layout);
      for (const kept of ['Военная прокуратура Ростовского гарнизона', 'Судебное заседание', 'УК РФ', 'Судьин С.С.'])
        assert.ok(text.includes(kept), `"${kept}" stays readable (${layout})`);
    }
  });
});

describe('property: every generated form (tricks, brackets, dotless initials, names outside the lexicon)', () => {
  it('free text alone: a name with a Slavic pattern or a lexicon given name never survives', () => {
    fc.assert(
      fc.property(
        person.filter((p) => p.known),
        style,
        fc.constantFrom(...CASES),
        (p, s, c) => {
          const out = redactNames(PHRASES[c](written(p, c, s)));
          const found = hits(out, [...surnameWords(p), ...givenWords(p)]);
          if (found.length) throw new Error(`${found.join(', ')} survive in "${out}" (${s.order}, ${s.trick})`);
        },
      ),
      { numRuns: 1500, seed: 5 },
    );
  });
  it('with the page context from a person field: every name, known or not, never survives the field or the free text', () => {
    fc.assert(
      fc.property(person, style, fc.constantFrom(...CASES), (p, s, c) => {
        const context = new NameContext();
        const field = written(p, 'nom', s);
        context.addPersonField(field);
        const words = [...surnameWords(p), ...givenWords(p)];
        for (const out of [redactNameField(field, context), redactNames(PHRASES[c](written(p, c, s)), context)]) {
          const found = hits(out, words);
          if (found.length) throw new Error(`${found.join(', ')} survive in "${out}" (${s.order}, ${s.trick})`);
        }
      }),
      { numRuns: 1500, seed: 5 },
    );
  });
});

describe('layers', () => {
  it('the name model imports nothing of otkaz; the parsers import nothing of the case store', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { projectPath } = await import('../../src/shared/paths.ts');
    const imports = (dir: string) =>
      readdirSync(projectPath(...dir.split('/')))
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) => [...readFileSync(projectPath(...dir.split('/'), f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${f}: ${m[1]}`));
    assert.deepEqual(
      imports('src/privacy').filter((i) => !/: node:/.test(i)),
      [],
    );
    assert.deepEqual(
      imports('src/courts/parse').filter((i) => /\/cases\//.test(i)),
      [],
    );
  });
});

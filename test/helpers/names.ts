// Invented Russian names in every form court texts use (grammatical cases, capitals, orders, initials, double
// surnames, ё/е, оглы/кызы), and scans of a database and of API answers for them. No real person is named.
import fc from 'fast-check';
import type { Database } from '../../src/db/database.ts';

export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'pre';
export const CASES: Case[] = ['nom', 'gen', 'dat', 'acc', 'ins', 'pre'];
type Forms = Record<Case, string>;

function forms(nom: string, gen: string, dat: string, acc: string, ins: string, pre: string): Forms {
  return { nom, gen, dat, acc, ins, pre };
}

/** Invented surname stems; declined by type and gender. */
const OV = ['Громов', 'Синёв', 'Жуклов', 'Пестров', 'Карамышев', 'Тюрин', 'Ладыгин'];
const SKY = ['Полозовск', 'Берёзинск', 'Ковыльск'];
const ENKO = ['Гаврищенко', 'Мельничук'];

function surnameForms(stem: string, male: boolean): Forms {
  if (SKY.includes(stem))
    return male
      ? forms(`${stem}ий`, `${stem}ого`, `${stem}ому`, `${stem}ого`, `${stem}им`, `${stem}ом`)
      : forms(`${stem}ая`, `${stem}ой`, `${stem}ой`, `${stem}ую`, `${stem}ой`, `${stem}ой`);
  if (stem.endsWith('енко')) return forms(stem, stem, stem, stem, stem, stem);
  if (stem.endsWith('ук')) return male ? forms(stem, `${stem}а`, `${stem}у`, `${stem}а`, `${stem}ом`, `${stem}е`) : forms(stem, stem, stem, stem, stem, stem);
  return male
    ? forms(stem, `${stem}а`, `${stem}у`, `${stem}а`, `${stem}ым`, `${stem}е`)
    : forms(`${stem}а`, `${stem}ой`, `${stem}ой`, `${stem}у`, `${stem}ой`, `${stem}ой`);
}

const MALE_GIVEN: Forms[] = [
  forms('Глеб', 'Глеба', 'Глебу', 'Глеба', 'Глебом', 'Глебе'),
  forms('Илья', 'Ильи', 'Илье', 'Илью', 'Ильёй', 'Илье'),
  forms('Пётр', 'Петра', 'Петру', 'Петра', 'Петром', 'Петре'),
  forms('Андрей', 'Андрея', 'Андрею', 'Андрея', 'Андреем', 'Андрее'),
  forms('Тимур', 'Тимура', 'Тимуру', 'Тимура', 'Тимуром', 'Тимуре'),
  forms('Павел', 'Павла', 'Павлу', 'Павла', 'Павлом', 'Павле'),
];
const FEMALE_GIVEN: Forms[] = [
  forms('Анна', 'Анны', 'Анне', 'Анну', 'Анной', 'Анне'),
  forms('Мария', 'Марии', 'Марии', 'Марию', 'Марией', 'Марии'),
  forms('Любовь', 'Любови', 'Любови', 'Любовь', 'Любовью', 'Любови'),
  forms('Алёна', 'Алёны', 'Алёне', 'Алёну', 'Алёной', 'Алёне'),
  forms('Лейла', 'Лейлы', 'Лейле', 'Лейлу', 'Лейлой', 'Лейле'),
];
const MALE_PATRONYMIC: Forms[] = [
  forms('Геннадьевич', 'Геннадьевича', 'Геннадьевичу', 'Геннадьевича', 'Геннадьевичем', 'Геннадьевиче'),
  forms('Кузьмич', 'Кузьмича', 'Кузьмичу', 'Кузьмича', 'Кузьмичом', 'Кузьмиче'),
  forms('Ильич', 'Ильича', 'Ильичу', 'Ильича', 'Ильичом', 'Ильиче'),
  forms('Фомич', 'Фомича', 'Фомичу', 'Фомича', 'Фомичом', 'Фомиче'),
  forms('Семёнович', 'Семёновича', 'Семёновичу', 'Семёновича', 'Семёновичем', 'Семёновиче'),
  forms('Рашид оглы', 'Рашид оглы', 'Рашид оглы', 'Рашид оглы', 'Рашид оглы', 'Рашид оглы'),
];
const FEMALE_PATRONYMIC: Forms[] = [
  forms('Геннадьевна', 'Геннадьевны', 'Геннадьевне', 'Геннадьевну', 'Геннадьевной', 'Геннадьевне'),
  forms('Кузьминична', 'Кузьминичны', 'Кузьминичне', 'Кузьминичну', 'Кузьминичной', 'Кузьминичне'),
  forms('Ильинична', 'Ильиничны', 'Ильиничне', 'Ильиничну', 'Ильиничной', 'Ильиничне'),
  forms('Вагиф кызы', 'Вагиф кызы', 'Вагиф кызы', 'Вагиф кызы', 'Вагиф кызы', 'Вагиф кызы'),
];

/** Given names the model's lexicon does not hold, and surnames with no Slavic ending (invented combinations). */
const MALE_FOREIGN_GIVEN: Forms[] = [
  forms('Бадма', 'Бадмы', 'Бадме', 'Бадму', 'Бадмой', 'Бадме'),
  forms('Бакыт', 'Бакыта', 'Бакыту', 'Бакыта', 'Бакытом', 'Бакыте'),
  forms('Тэнгир', 'Тэнгира', 'Тэнгиру', 'Тэнгира', 'Тэнгиром', 'Тэнгире'),
  forms('Джон', 'Джона', 'Джону', 'Джона', 'Джоном', 'Джоне'),
  forms('Ен', 'Ен', 'Ен', 'Ен', 'Ен', 'Ен'),
];
const FEMALE_FOREIGN_GIVEN: Forms[] = [
  forms('Гульшат', 'Гульшат', 'Гульшат', 'Гульшат', 'Гульшат', 'Гульшат'),
  forms('Эмина', 'Эмины', 'Эмине', 'Эмину', 'Эминой', 'Эмине'),
  forms('Айсулу', 'Айсулу', 'Айсулу', 'Айсулу', 'Айсулу', 'Айсулу'),
];
const FOREIGN_SURNAMES = ['Пак', 'Лим', 'Смитт', 'Дорж'];
const foreignSurname = (s: string, male: boolean) => (male ? forms(s, `${s}а`, `${s}у`, `${s}а`, `${s}ом`, `${s}е`) : forms(s, s, s, s, s, s));
const FOREIGN_PATRONYMIC: Record<'male' | 'female', Forms> = {
  male: forms('Нурлан уулу', 'Нурлан уулу', 'Нурлан уулу', 'Нурлан уулу', 'Нурлан уулу', 'Нурлан уулу'),
  female: forms('Сук', 'Сук', 'Сук', 'Сук', 'Сук', 'Сук'),
};

export interface Person {
  male: boolean;
  surname: Forms;
  /** A second surname part (double surname), or null. */
  second: Forms | null;
  /** A maiden name written in brackets after the surname ("Тюрина (Пестрова) Анна"), or null. */
  maiden: Forms | null;
  given: Forms;
  /** Null for names with none (the name is then only surname and given name). */
  patronymic: Forms | null;
  /** The name has a Slavic pattern or a lexicon given name: the model finds it in free text with no context. A name
   * that has neither ("Пак Бадма") is found only from the page's person fields. */
  known: boolean;
}

export type Order = 'SIO' | 'IOS' | 'SI' | 'IS' | 'S_IO' | 'S_I_O' | 'IO_S' | 'IOS_tight' | 'S_IO_tight' | 'S_I_O_bare' | 'S_IO_half';
export const ORDERS: Order[] = ['SIO', 'IOS', 'SI', 'IS', 'S_IO', 'S_I_O', 'IO_S', 'IOS_tight', 'S_IO_tight', 'S_I_O_bare', 'S_IO_half'];

/** How a name is disguised in the text's encoding: Latin look-alike letters, decomposed Unicode (NFD), a soft hyphen or
 * a zero-width character inside the surname. */
export type Trick = 'none' | 'homoglyph' | 'nfd' | 'shy' | 'zw';
export const TRICKS: Trick[] = ['none', 'homoglyph', 'nfd', 'shy', 'zw'];

export interface Style {
  order: Order;
  capitals: boolean;
  /** ё written as е, as many courts do. */
  yo: boolean;
  trick: Trick;
}

export const person: fc.Arbitrary<Person> = fc
  .record({
    male: fc.boolean(),
    foreign: fc.boolean(),
    stem: fc.constantFrom(...OV, ...SKY, ...ENKO),
    foreignStem: fc.constantFrom(...FOREIGN_SURNAMES),
    second: fc.option(fc.constantFrom(...OV), { freq: 4 }),
    maiden: fc.option(fc.constantFrom(...OV), { freq: 3 }),
    withPatronymic: fc.boolean(),
    g: fc.nat(),
    p: fc.nat(),
  })
  .map(({ male, foreign, stem, foreignStem, second, maiden, withPatronymic, g, p }) => {
    if (foreign) {
      const givens = male ? MALE_FOREIGN_GIVEN : FEMALE_FOREIGN_GIVEN;
      return {
        male,
        surname: foreignSurname(foreignStem, male),
        second: null,
        maiden: null,
        given: givens[g % givens.length] as Forms,
        patronymic: withPatronymic ? FOREIGN_PATRONYMIC[male ? 'male' : 'female'] : null,
        known: false,
      };
    }
    const givens = male ? MALE_GIVEN : FEMALE_GIVEN;
    const patronymics = male ? MALE_PATRONYMIC : FEMALE_PATRONYMIC;
    return {
      male,
      surname: surnameForms(stem, male),
      second: second && second !== stem ? surnameForms(second, male) : null,
      maiden: !male && maiden && maiden !== stem && maiden !== second ? surnameForms(maiden, false) : null,
      given: givens[g % givens.length] as Forms,
      patronymic: patronymics[p % patronymics.length] as Forms,
      known: true,
    };
  });

export const style: fc.Arbitrary<Style> = fc.record({
  order: fc.constantFrom(...ORDERS),
  capitals: fc.boolean(),
  yo: fc.boolean(),
  trick: fc.constantFrom(...TRICKS),
});

const initial = (s: string) => `${s[0]}.`;
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const LATIN: Record<string, string> = {
  о: 'o',
  а: 'a',
  е: 'e',
  р: 'p',
  с: 'c',
  А: 'A',
  О: 'O',
  Е: 'E',
  Р: 'P',
  С: 'C',
  К: 'K',
  М: 'M',
  Т: 'T',
  В: 'B',
  Н: 'H',
  Х: 'X',
};

/** A word disguised by a trick (the letters a reader sees are unchanged). */
function disguise(word: string, trick: Trick): string {
  if (trick === 'homoglyph') {
    // Every look-alike letter but the first Cyrillic one: the word stays "otherwise Cyrillic".
    let seen = false;
    return [...word]
      .map((ch) => {
        const latin = LATIN[ch];
        if (latin && seen) return latin;
        seen = seen || /[а-яёА-ЯЁ]/.test(ch);
        return ch;
      })
      .join('');
  }
  const cut = Math.max(1, Math.floor(word.length / 2));
  if (trick === 'shy') return `${word.slice(0, cut)}\u00ad${word.slice(cut)}`;
  if (trick === 'zw') return `${word.slice(0, cut)}${ZERO_WIDTH[word.length % ZERO_WIDTH.length]}${word.slice(cut)}`;
  return word;
}

/** The person's name in one grammatical case and style. */
export function written(p: Person, c: Case, s: Style): string {
  const withMaiden = !s.order.endsWith('tight');
  const surname = `${p.second ? `${p.surname[c]}-${p.second[c]}` : p.surname[c]}${p.maiden && withMaiden ? ` (${p.maiden[c]})` : ''}`;
  const given = p.given[c];
  const patronymic = p.patronymic?.[c] ?? null;
  const io = `${initial(given)}${patronymic ? initial(patronymic) : ''}`;
  const gp = patronymic ? `${given} ${patronymic}` : given;
  const text = {
    SIO: `${surname} ${gp}`,
    IOS: `${gp} ${surname}`,
    SI: `${surname} ${given}`,
    IS: `${given} ${surname}`,
    S_IO: `${surname} ${io}`,
    S_I_O: `${surname} ${initial(given)}${patronymic ? ` ${initial(patronymic)}` : ''}`,
    IO_S: `${io} ${surname}`,
    IOS_tight: `${io}${surname}`,
    S_IO_tight: `${surname}${io}`,
    S_I_O_bare: `${surname} ${given[0]}${patronymic ? ` ${patronymic[0]}` : ''}`,
    S_IO_half: `${surname} ${given[0]}${patronymic ? `.${patronymic[0]}` : ''}`,
  }[s.order];
  const yo = s.yo ? text : text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const cased = s.capitals ? yo.toUpperCase() : yo;
  if (s.trick === 'nfd') return cased.normalize('NFD');
  if (s.trick === 'none') return cased;
  // The disguise goes into the words of the name (not into initials).
  const words = cased.replace(/[А-ЯЁа-яё]{3,}/g, (w) => (/^(?:уулу|кызы|оглы)$/i.test(w) ? w : disguise(w, s.trick)));
  // Initials in Latin look-alike letters too ("Громов A.B.").
  return s.trick === 'homoglyph' ? words.replace(/([АВЕКМНОРСТХ])\./g, (_match, ch: string) => `${LATIN[ch] ?? ch}.`) : words;
}

/** Phrases of the courts' wording that put a name in each grammatical case. */
export const PHRASES: Record<Case, (name: string) => string> = {
  nom: (n) => `${n} в судебное заседание не явился`,
  gen: (n) => `Уголовное дело ПРЕКРАЩЕНО в отношении ${n} (ст. 337 ч. 5 УК РФ)`,
  dat: (n) => `назначить ${n} наказание`,
  acc: (n) => `признать ${n} виновным`,
  ins: (n) => `заключено соглашение с ${n}`,
  pre: (n) => `сведения о ${n} направлены`,
};

/** Every case form of every surname part, lower case with ё as е: the words that must not survive. */
export function surnameWords(p: Person): string[] {
  const out = new Set<string>();
  for (const f of [p.surname, ...(p.second ? [p.second] : []), ...(p.maiden ? [p.maiden] : [])]) for (const c of CASES) out.add(norm(f[c]));
  return [...out];
}

/** The given name's forms (and, for a name with no Slavic pattern, the other words of its father's name). */
export function givenWords(p: Person): string[] {
  const rest = p.known || !p.patronymic ? [] : CASES.flatMap((c) => (p.patronymic?.[c] ?? '').split(' ')).filter((w) => !/^(?:уулу|кызы|оглы)$/.test(w));
  return [...new Set([...CASES.map((c) => norm(p.given[c])), ...rest.map(norm)])];
}

/** What a reader sees: composed letters, no invisible characters, Latin and Greek look-alikes as the Cyrillic letters
 * they imitate (written here independently of the name model, so that a scan cannot be fooled by the same gap). */
const LOOK_ALIKE: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
};
export function fold(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '')
    .replace(/[A-Za-z]/g, (ch) => LOOK_ALIKE[ch] ?? ch);
}

export const norm = (s: string) => fold(s).toLowerCase().replace(/ё/g, 'е');

/** Whole-word occurrences of any of `words` in `text` (case-insensitive, ё = е). */
export function hits(text: string, words: string[]): string[] {
  const t = norm(text);
  return words.filter((w) => new RegExp(`(?<![а-я])${w.replace(/[-]/g, '\\-')}(?![а-я])`).test(t));
}

/** Every column of every table (all but the raw archive bytes, `blobs`), as text, table by table. */
export async function dumpDatabase(db: Database, skip: string[] = []): Promise<{ table: string; text: string }[]> {
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and table_name <> 'blobs' order by table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  const out: { table: string; text: string }[] = [];
  for (const [table, cols] of byTable) {
    if (skip.includes(table)) continue;
    const rows = await db.query<{ t: string | null }>(`select concat_ws(' | ', ${cols.map((c) => `"${c}"::text`).join(', ')}) as t from "${table}"`);
    out.push({ table, text: rows.map((r) => r.t ?? '').join('\n') });
  }
  return out;
}

/** Surname forms of a name as a page shows it ("Белова М.А.", "Беловой Марине Андреевне"): the stem + any ending. */
export function surnamePattern(name: string): RegExp | null {
  const words = name
    .replace(/[А-ЯЁ]\.\s?/g, ' ')
    .split(/[\s,]+/)
    .filter((w) => /^[А-ЯЁ][а-яё-]{2,}$/.test(w));
  const surname = words[0];
  if (!surname) return null;
  const parts = norm(surname)
    .split('-')
    .map((part) => part.replace(/(?:ого|ому|ая|ой|ую|ий|ым|ом|ем|ых|а|у|е|ы)$/, ''));
  return new RegExp(`(?<![а-я])(?:${parts.join('|')})(?:|а|у|ы|е|ой|ою|ым|ом|ем|ых|ыми|ую|ая|ий|ого|ому|им|ие|их|ими)(?![а-я])`);
}

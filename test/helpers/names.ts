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
  if (SKY.includes(stem)) return male ? forms(`${stem}ий`, `${stem}ого`, `${stem}ому`, `${stem}ого`, `${stem}им`, `${stem}ом`) : forms(`${stem}ая`, `${stem}ой`, `${stem}ой`, `${stem}ую`, `${stem}ой`, `${stem}ой`);
  if (stem.endsWith('енко')) return forms(stem, stem, stem, stem, stem, stem);
  if (stem.endsWith('ук')) return male ? forms(stem, `${stem}а`, `${stem}у`, `${stem}а`, `${stem}ом`, `${stem}е`) : forms(stem, stem, stem, stem, stem, stem);
  return male ? forms(stem, `${stem}а`, `${stem}у`, `${stem}а`, `${stem}ым`, `${stem}е`) : forms(`${stem}а`, `${stem}ой`, `${stem}ой`, `${stem}у`, `${stem}ой`, `${stem}ой`);
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

export interface Person {
  male: boolean;
  surname: Forms;
  /** A second surname part (double surname), or null. */
  second: Forms | null;
  given: Forms;
  patronymic: Forms;
}

export type Order = 'SIO' | 'IOS' | 'SI' | 'IS' | 'S_IO' | 'S_I_O' | 'IO_S' | 'IOS_tight' | 'S_IO_tight';
export const ORDERS: Order[] = ['SIO', 'IOS', 'SI', 'IS', 'S_IO', 'S_I_O', 'IO_S', 'IOS_tight', 'S_IO_tight'];

export interface Style {
  order: Order;
  capitals: boolean;
  /** ё written as е, as many courts do. */
  yo: boolean;
}

export const person: fc.Arbitrary<Person> = fc
  .record({
    male: fc.boolean(),
    stem: fc.constantFrom(...OV, ...SKY, ...ENKO),
    second: fc.option(fc.constantFrom(...OV), { freq: 4 }),
    g: fc.nat(),
    p: fc.nat(),
  })
  .map(({ male, stem, second, g, p }) => {
    const givens = male ? MALE_GIVEN : FEMALE_GIVEN;
    const patronymics = male ? MALE_PATRONYMIC : FEMALE_PATRONYMIC;
    return {
      male,
      surname: surnameForms(stem, male),
      second: second && second !== stem ? surnameForms(second, male) : null,
      given: givens[g % givens.length] as Forms,
      patronymic: patronymics[p % patronymics.length] as Forms,
    };
  });

export const style: fc.Arbitrary<Style> = fc.record({ order: fc.constantFrom(...ORDERS), capitals: fc.boolean(), yo: fc.boolean() });

const initial = (s: string) => `${s[0]}.`;

/** The person's name in one grammatical case and style. */
export function written(p: Person, c: Case, s: Style): string {
  const surname = p.second ? `${p.surname[c]}-${p.second[c]}` : p.surname[c];
  const given = p.given[c];
  const patronymic = p.patronymic[c];
  const io = `${initial(given)}${initial(patronymic)}`;
  const text = {
    SIO: `${surname} ${given} ${patronymic}`,
    IOS: `${given} ${patronymic} ${surname}`,
    SI: `${surname} ${given}`,
    IS: `${given} ${surname}`,
    S_IO: `${surname} ${io}`,
    S_I_O: `${surname} ${initial(given)} ${initial(patronymic)}`,
    IO_S: `${io} ${surname}`,
    IOS_tight: `${io}${surname}`,
    S_IO_tight: `${surname}${io}`,
  }[s.order];
  const yo = s.yo ? text : text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  return s.capitals ? yo.toUpperCase() : yo;
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
  for (const f of [p.surname, ...(p.second ? [p.second] : [])]) for (const c of CASES) out.add(norm(f[c]));
  return [...out];
}

export function givenWords(p: Person): string[] {
  return [...new Set(CASES.map((c) => norm(p.given[c])))];
}

export const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

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
  const words = name.replace(/[А-ЯЁ]\.\s?/g, ' ').split(/[\s,]+/).filter((w) => /^[А-ЯЁ][а-яё-]{2,}$/.test(w));
  const surname = words[0];
  if (!surname) return null;
  const parts = norm(surname).split('-').map((part) => part.replace(/(?:ого|ому|ая|ой|ую|ий|ым|ом|ем|ых|а|у|е|ы)$/, ''));
  return new RegExp(`(?<![а-я])(?:${parts.join('|')})(?:|а|у|ы|е|ой|ою|ым|ом|ем|ых|ыми|ую|ая|ий|ого|ому|им|ие|их|ими)(?![а-я])`);
}

import { createHmac } from 'node:crypto';

/**
 * The name model: how personal names look in Russian court texts, and how they are reduced to initials.
 * Pure functions, no imports from the rest of otkaz, so that every layer (parsers, the case store, the
 * API) can use it.
 *
 * Personal names are needed for one thing: a lawyer finding a client's case. So a name is stored only as a
 * keyed hash (exact lookup with the installation's key) plus initials for display. Raw pages stay in the
 * evidence archive; no view, export, search index or log shows a full name.
 *
 * Free text is redacted by finding name spans, token by token:
 *  - a patronymic (…ович/…евич/…ич/…овна/…евна/…ична, in every case; or a father's name with оглы/кызы/улы/уулу)
 *    with the given name before it and a surname before or after — any order, any case, Capitalised or CAPITALS;
 *  - initials ("И.О.", "И. О.", "И.") next to a word, before or after it (with or without spaces);
 *  - a given name from the lexicon (any grammatical case) next to a capitalised word;
 *  - a capitalised word next to the court's own placeholder ("… Беловой ФИО19");
 *  - every form of a surname already known: from the persons the page names, and from the spans above (so
 *    a surname mentioned alone elsewhere in the same text is caught too).
 * Judges are named in their own field, which callers keep; in free text they are reduced like anyone else.
 */

const HIDDEN = /информация\s+скрыта|данные\s+скрыты|^\s*$/i;

/** Soft hyphens, zero-width characters, word joiners, direction marks and the BOM: invisible, and they split words. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/** Latin and Greek letters that look like Cyrillic ones. */
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
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  Α: 'А',
  Β: 'В',
  Ε: 'Е',
  Η: 'Н',
  Κ: 'К',
  Μ: 'М',
  Ο: 'О',
  Ρ: 'Р',
  Τ: 'Т',
  Χ: 'Х',
  Υ: 'У',
  α: 'а',
  ε: 'е',
  κ: 'к',
  ο: 'о',
  ρ: 'р',
  χ: 'х',
};
const CYRILLIC = /[\u0400-\u04ff]/;
const FOREIGN = /[A-Za-z\u0370-\u03ff]/;

/**
 * Text as a reader sees it, so that a name cannot hide from the model behind how it is encoded: composed letters
 * (NFC: "й" written as "и" + a combining breve becomes one letter), no invisible characters (soft hyphens, zero-width
 * characters), no stress marks on Cyrillic letters, and Latin or Greek look-alike letters inside an otherwise
 * Cyrillic word folded to the Cyrillic letters they imitate ("Громoв" with a Latin o → "Громов"). A word that is all
 * Latin stays as it is. Idempotent.
 */
export function normaliseText(text: string): string {
  let t = text.normalize('NFC').replace(INVISIBLE, '');
  t = t.replace(/([\u0400-\u04ff])[\u0300-\u036f]+/g, '$1');
  if (!FOREIGN.test(t) || !CYRILLIC.test(t)) return t;
  t = t.replace(/\p{L}+/gu, (w) => (CYRILLIC.test(w) && FOREIGN.test(w) ? [...w].map((ch) => LOOK_ALIKE[ch] ?? ch).join('') : w));
  // Look-alike initials next to a Cyrillic name: "Громов A.B." (Latin A and B), not beside a Latin word ("A.B. Smith").
  return t.replace(/(?<![A-Za-z\u0370-\u03ff])(?:[ABCEHKMOPTXYΑΒΕΗΚΜΟΡΤΧΥА-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]\.\s?){1,3}/gu, (run, offset: number, all: string) => {
    if (!FOREIGN.test(run)) return run;
    const left = /(\p{L}{2,})[^\p{L}]*$/u.exec(all.slice(Math.max(0, offset - 40), offset))?.[1] ?? '';
    const right = /^[^\p{L}]*(\p{L}{2,})/u.exec(all.slice(offset + run.length, offset + run.length + 40))?.[1] ?? '';
    const latin = (w: string) => /^[A-Za-z]/.test(w);
    if (latin(left) || latin(right) || !(CYRILLIC.test(left) || CYRILLIC.test(right))) return run;
    return [...run].map((ch) => LOOK_ALIKE[ch] ?? ch).join('');
  });
}

export function normaliseName(name: string): string {
  return normaliseText(name)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^а-яa-z\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isHiddenName(name: string): boolean {
  return HIDDEN.test(name);
}

export function nameHash(key: string, name: string): string | null {
  if (isHiddenName(name)) return null;
  return createHmac('sha256', key).update(normaliseName(name)).digest('hex');
}

const PARTICLE = /^(?:оглы|огли|оглу|угли|кызы|гызы|кизи|улы|уулу)$/;

/** "Никитина Алина Романовна" → "Н.А.Р."; "Гусева Л.В." → "Г.Л.В."; hidden → null. */
export function initials(name: string): string | null {
  if (isHiddenName(name)) return null;
  const letters = normaliseText(name)
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((part) => /^[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖA-Z]/.test(part) && !PARTICLE.test(part.toLowerCase()))
    .map((part) => part[0]);
  return letters.length > 0 ? `${letters.join('.')}.` : null;
}

// ---------------------------------------------------------------------------------------------------------
// Lexicon

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** Common given names (nominative); an entry "Павел:павл" gives the stem of the other cases. */
const MALE = `Александр Алексей Альберт Анатолий Андрей Антон Аркадий Арсений Артем Артур Богдан Борис Вадим Валентин Валерий Василий
Вениамин Виктор Виталий Владимир Владислав Влад Всеволод Вячеслав Гавриил Геннадий Георгий Герман Глеб Гордей Григорий Давид Даниил Данила Денис
Дмитрий Добрыня Евгений Егор Елисей Емельян Ефим Захар Иван Игнат Игорь Илья Иннокентий Иосиф Ираклий Кирилл Климент Константин Кузьма Лаврентий
Леонид Леонтий Лука Макар Максим Марат Марк Матвей Мирон Михаил Назар Никита Никифор Николай Олег Осип Павел:павл Петр Платон Прохор Радик
Ренат Ринат Роберт Родион Роман Ростислав Руслан Рустам Савелий Святослав Семен Сергей Спартак Станислав Степан Тарас Тимофей Тимур Тихон Трофим
Федор Феликс Филипп Фома Эдуард Эльдар Эмиль Эрик Юлиан Юрий Яков Ян Ярослав Лев:льв Айдар Азат Алишер Анвар Арслан Ахмед Ахмет Бахтияр Бахтиер
Бекзод Гусейн Джамал Джамшед Дамир Зураб Ибрагим Ильдар Ильнур Ильяс Ислам Исмаил Камиль Мурат Магомед Мансур Махмуд Мовсар Муса Нурлан Рамиль
Рамзан Расул Рашид Рафаэль Рифат Салават Сослан Султан Тагир Фарид Хасан Шамиль Эльчин Юсуф Азамат Алан Арам Армен Ашот Вагиф Гагик Заур Тофик`;
const FEMALE = `Агата Аглая Ада Алевтина Александра Алена Алина Алиса Алла Альбина Амина Анастасия Ангелина Анжела Анна Антонина Арина Валентина
Валерия Варвара Василиса Вера Вероника Виктория Виолетта Галина Дарья Диана Дина Ева Евгения Екатерина Елена Елизавета Жанна Зинаида Злата Зоя
Инга Инесса Инна Ирина Карина Кира Клавдия Кристина Ксения Лада Лариса Леся Лидия Лилия Лиана Любовь:любов Людмила Майя Маргарита Марина Мария
Марьяна Милана Мирослава Надежда Наталия Наталья Нелли Ника Нина Нонна Оксана Олеся Ольга Полина Раиса Регина Римма Роза Светлана Серафима София
Софья Стефания Таисия Тамара Татьяна Ульяна Фаина Эвелина Элеонора Элина Эльвира Эмилия Юлиана Юлия Яна Ярослава Айгуль Алсу Гульнара Гульназ
Гузель Динара Диляра Зарина Зульфия Камила Лейла Мадина Малика Наиля Нигина Рената Сабина Севара Фатима Эльмира Лейсан Асель Айша`;

const NOUN_ENDINGS = ['', 'а', 'я', 'у', 'ю', 'е', 'и', 'ы', 'ом', 'ем', 'ой', 'ою', 'ей', 'ею', 'ии', 'ию', 'ией', 'ья', 'ье', 'ью', 'ьи', 'ьей'];

function nameForms(entry: string): string[] {
  const [nominative = '', oblique] = entry.split(':');
  const nom = lower(nominative);
  const stem = oblique ?? nom.replace(/(?:ия|ья|ий|а|я|й|ь)$/, '');
  const ending = nom.slice(stem.length);
  const forms = new Set<string>([nom]);
  const base = ending === 'ия' ? `${stem}и` : ending === 'ий' ? `${stem}и` : ending === 'ья' ? `${stem}ь` : stem;
  for (const e of NOUN_ENDINGS) forms.add(base + e);
  return [...forms].filter((f) => f.length >= 3);
}

const GIVEN = new Set<string>([...MALE.split(/\s+/), ...FEMALE.split(/\s+/)].filter(Boolean).flatMap(nameForms));

/** Capitalised words that stand next to names but are not names: roles, bodies, codes, places of the courts. */
const STOP = new Set(
  `судья суд суда суду судом судов судье судей судьи истец истца ответчик ответчика ответчики адвокат адвоката адвокатом прокурор прокурора прокуратура
прокуратуры представитель представителя защитник защитника защитником осужденный осужденного осужденная подсудимый подсудимого подсудимая обвиняемый
обвиняемого обвиняемая секретарь секретаря председательствующий председательствующего докладчик гражданин гражданина гражданка гражданки заявитель
заявителя потерпевший потерпевшего потерпевшая свидетель свидетеля эксперт эксперта следователь следователя лицо лица привлекаемое привлекаемого
российской российская федерации федерация россии рф ук упк коап гпк кас апк уголовный уголовного кодекс кодекса республики республика края область
области округа округ город города москва москвы приговор приговора приговором постановление постановления определение определения решение решения
вынесен вынесено осужден осуждена оправдан прекращено прекращено прекратить признать назначить отменить изменить оставить производство дело дела
уголовное административное военная военный военного военной гарнизона гарнизонный гарнизонного управление управления фку фсин уфсин мвд омвд умвд
министерство министерства отдел отдела отделение комиссия комиссии районный районного районной городской городского областной областного краевой
краевого центральный центрального южный южного восточный восточного западный западного северный северного верховный верховного кассационный
кассационного апелляционный апелляционного зал зала ст статья статьи часть части пункт пункта коллегия коллегии коллегией член члена членов
старший старшего младший младшего рядовой рядового сержант сержанта лейтенант лейтенанта капитан капитана майор майора полковник полковника
подполковник подполковника прапорщик прапорщика ефрейтор ефрейтора матрос матроса мичман мичмана командир командира части войсковой
информация скрыта данные скрыты фио ип ооо оао зао пао ао нко`
    .split(/\s+/)
    .filter(Boolean),
);

const PATRONYMIC = /(?:ов[иі]ч|ев[иі]ч|[иі]ч)(?:а|у|ем|ом|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою)$|-(?:оглы|кызы|улы|уулу)$/;
const SURNAME_LIKE = /(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ых|их|ко|ук|юк|ич|дзе|швили|ян|янц|ева|ова|ина|ына|ская|цкая)(?:а|у|ым|ом|е|ой|ою|ую|ого|ому|им|ых)?$/;
const SURNAME_ENDINGS = [
  'ого',
  'ому',
  'ыми',
  'ими',
  'ая',
  'ой',
  'ою',
  'ую',
  'ий',
  'ый',
  'ым',
  'им',
  'ом',
  'ем',
  'ых',
  'их',
  'ие',
  'ые',
  'ей',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'ы',
  'и',
  'ь',
  'й',
];
const SURNAME_REST = new Set(['', ...SURNAME_ENDINGS]);

/** The part of a surname that all its case forms share: "Беловой" → "белов", "Полянская" → "полянск". */
export function surnameStem(word: string): string {
  const w = lower(word);
  for (const ending of SURNAME_ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, w.length - ending.length);
  }
  return w;
}

// ---------------------------------------------------------------------------------------------------------
// Tokens and spans

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  initial: boolean;
  /** Capitalised ("Иванов", "Иванова-Петрова") or in capitals ("ИВАНОВ"). */
  cap: boolean;
}

const TOKEN =
  /([А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ])\.|[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]?[а-яёѐ-џґғқңүұһәөҗ]+(?:-[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]?[а-яёѐ-џґғқңүұһәөҗ]+)*|[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]+(?:-[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]+)*/g;
const CAP =
  /^(?:[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ][а-яёѐ-џґғқңүұһәөҗ]+|[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]{2,})(?:-(?:[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ][а-яёѐ-џґғқңүұһәөҗ]+|[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]{2,}|[а-яёѐ-џґғқңүұһәөҗ]+))*$/;

function token(start: number, word: string, initial: boolean): Token {
  return { start, end: start + word.length + (initial ? 1 : 0), text: word, lower: lower(word), initial, cap: initial || CAP.test(word) };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (m[1] !== undefined) {
      // "РФ." is a word, not "Р" + initial "Ф."; "ГромовГ.Г." is a surname and initials written together.
      if (start > 0 && /[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]/.test(text[start - 1] ?? '')) continue;
      tokens.push(token(start, m[1], true));
      continue;
    }
    const word = m[0];
    // "ГРОМОВГ.Г.": a word in capitals run together with initials.
    if (/^(?:[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]+-)*[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]{4,}$/.test(word) && /^\.\s?[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]\./.test(text.slice(start + word.length))) {
      tokens.push(token(start, word.slice(0, -1), false));
      tokens.push(token(start + word.length - 1, word.slice(-1), true));
      continue;
    }
    tokens.push(token(start, word, false));
  }
  // Initials without dots: "Громов И И", "Громов И.И" — a lone capital letter after a capitalised word when another
  // follows, or right after an initial ("И.И").
  for (let i = 1; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.initial || !/^[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]$/.test(t.text)) continue;
    const prev = tokens[i - 1] as Token;
    const next = tokens[i + 1];
    const before = text.slice(prev.end, t.start);
    const attached = prev.initial && before === '';
    const pair =
      !prev.initial &&
      prev.cap &&
      prev.text.length >= 2 &&
      /^\)?\s+$/.test(before) &&
      next !== undefined &&
      /^[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]$/.test(next.text) &&
      /^[\s.]\s?$/.test(text.slice(t.end, next.start)) &&
      !/^[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]$/.test(tokens[i + 2]?.text ?? ''); // but not a list "А Б В"
    const second =
      prev.initial &&
      prev.text.length === 1 &&
      /^\s$/.test(before) &&
      tokens[i - 2] !== undefined &&
      !(tokens[i - 2] as Token).initial &&
      text[prev.end - 1] !== '.';
    if (attached || pair || second) tokens[i] = { ...t, initial: true, cap: true };
  }
  return tokens;
}

const WS = /^\s+$/;
const NEAR = /^\s*$/;

interface Span {
  from: number;
  to: number;
  /** Token index of the surname in the span, when known. */
  surname: number | null;
}

/** The surnames (stems) known for one text or page: from the persons it names and from the names found in it. */
export class NameContext {
  readonly stems = new Set<string>();
  readonly given = new Set<string>();
  /** Words of persons' names too short for a stem ("Ен"): caught as they are, capitalised. */
  readonly exact = new Set<string>();

  /**
   * A field that by its label or column holds a person (a defendant, a party, a list row's person line): every word
   * of the names in it is learned — lexicon or not, Slavic pattern or not ("Ким Ен Сук", "Гульшат Шамсутдинова") —
   * so that it is caught in any case form wherever it recurs on the page. Organisations in the field are not learned.
   */
  addPersonField(value: string): void {
    const field = normaliseText(value);
    if (isHiddenName(field)) return;
    for (const segment of fieldSegments(field)) {
      const run = segment.quoted ? null : personRun(segment.text);
      if (run) for (const w of run.words) this.learnWord(w);
      this.addName(segment.text);
    }
  }

  /** One word of a person's name: its stem ("Бадма" → "бадм", so "Бадмы", "Бадмой" too), or the word itself if short. */
  learnWord(word: string): void {
    for (const part of lower(word).split(/[-'’]/)) {
      if (part.length < 2 || PARTICLE.test(part) || NAME_PARTICLE.test(part) || isOrgWord(part) || !/^[а-яёѐ-џґғқңүұһәөҗ]+$/.test(part)) continue;
      if (part.length < 3) this.exact.add(part);
      else this.stems.add(surnameStem(part));
    }
  }

  /**
   * A page's person field: a name ("Громов Глеб Геннадьевич", "Белова М.А.", "ГРОМОВ Г. Г.", "Громов"), or an
   * organisation that may hold one ("Адвокат … коллегии адвокатов» Фролова Надежда Викторовна"). The names the
   * model finds in it are learned; a field that is only two or three capitalised words is taken as a name.
   */
  addName(raw: string): void {
    if (isHiddenName(raw)) return;
    const name = normaliseText(raw);
    const tokens = tokenize(name);
    const spans = findSpans(name, tokens, null);
    for (const span of spans) {
      if (span.surname !== null) this.addSurname(tokens[span.surname]?.text ?? '');
      for (let k = span.from; k <= span.to; k += 1) {
        const t = tokens[k];
        if (t && !t.initial && k !== span.surname && !PATRONYMIC.test(t.lower)) this.given.add(t.lower);
      }
    }
    if (spans.length > 0) return;
    const words = tokens.filter((t) => !t.initial && !PARTICLE.test(t.lower));
    if (words.length < 1 || words.length > 3 || words.some((w) => !w.cap || STOP.has(w.lower))) return;
    // "Фамилия Имя Отчество" by default; the surname is the word that is neither a patronymic nor a given name.
    const surname = words.find((w) => !PATRONYMIC.test(w.lower) && !GIVEN.has(w.lower)) ?? words[0];
    if (surname && (words.length > 1 || SURNAME_LIKE.test(surname.lower))) this.addSurname(surname.text);
  }

  addSurname(word: string): void {
    for (const part of lower(word).split('-')) {
      const stem = surnameStem(part);
      if (stem.length >= 3 && !STOP.has(part)) this.stems.add(stem);
    }
  }

  knows(token: Token): boolean {
    if (!token.cap || token.initial) return false;
    for (const part of token.lower.split('-')) {
      if (this.exact.has(part)) return true;
      for (let cut = part.length; cut >= Math.max(3, part.length - 3); cut -= 1) {
        if (this.stems.has(part.slice(0, cut)) && SURNAME_REST.has(part.slice(cut))) return true;
      }
    }
    return false;
  }
}

function isGiven(t: Token, context: NameContext | null): boolean {
  return !t.initial && t.cap && (GIVEN.has(t.lower) || (context?.given.has(t.lower) ?? false));
}

function findSpans(text: string, tokens: Token[], context: NameContext | null): Span[] {
  const taken = new Array<boolean>(tokens.length).fill(false);
  const spans: Span[] = [];
  const gap = (i: number) => text.slice(tokens[i]?.end ?? 0, tokens[i + 1]?.start ?? 0);
  const word = (i: number) => {
    const t = tokens[i];
    return t !== undefined && !t.initial && t.cap && !taken[i] && !STOP.has(t.lower) && t.text.length >= 2;
  };
  const surnameLike = (i: number) => SURNAME_LIKE.test(tokens[i]?.lower ?? '') || (context !== null && tokens[i] !== undefined && context.knows(tokens[i]));
  const take = (from: number, to: number, surname: number | null) => {
    for (let k = from; k <= to; k += 1) taken[k] = true;
    spans.push({ from, to, surname });
  };

  // 0. A maiden name in brackets before the rest of the name: "Иванова (Петрова) Анна Сергеевна", "… (Петрова) А.С.".
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    if (!(word(i) && word(i + 1) && /^\s*\(\s*$/.test(gap(i)) && /^\s*\)\s*$/.test(gap(i + 1)))) continue;
    const n = tokens[i + 2] as Token;
    const rest = n.initial || isGiven(n, context) || (word(i + 2) && WS.test(gap(i + 2)) && PATRONYMIC.test(tokens[i + 3]?.lower ?? ''));
    if (!rest || PATRONYMIC.test(tokens[i]?.lower ?? '') || PATRONYMIC.test(tokens[i + 1]?.lower ?? '')) continue;
    take(i, i, i);
    take(i + 1, i + 1, i + 1);
    // A given name alone after them ("Иванова (Петрова) Анна"); with a patronymic, rule 1 takes both.
    if (!n.initial && !(word(i + 3) && WS.test(gap(i + 2)) && PATRONYMIC.test(tokens[i + 3]?.lower ?? ''))) take(i + 2, i + 2, null);
  }

  // 1. Patronymic with the given name before it, the surname before or after.
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    let pEnd = i;
    if (t.initial || !t.cap || taken[i]) continue;
    if (!(PATRONYMIC.test(t.lower) && t.text.length >= 5)) {
      const next = tokens[i + 1];
      if (!(next && PARTICLE.test(next.lower) && WS.test(gap(i)))) continue;
      pEnd = i + 1;
    }
    const g = i - 1;
    if (!(word(g) && WS.test(gap(g)) && !PATRONYMIC.test(tokens[g]?.lower ?? ''))) continue;
    if (word(g - 1) && WS.test(gap(g - 1)) && !PATRONYMIC.test(tokens[g - 1]?.lower ?? '')) take(g - 1, pEnd, g - 1);
    else if (word(pEnd + 1) && WS.test(gap(pEnd)) && !isGiven(tokens[pEnd + 1] as Token, context)) take(g, pEnd + 1, pEnd + 1);
    else take(g, pEnd, null);
  }

  // 2. Initials next to a surname, before or after it.
  for (let i = 0; i < tokens.length; i += 1) {
    if (!tokens[i]?.initial || taken[i]) continue;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]?.initial && /^\s?$/.test(gap(j)) && j - i < 2) j += 1;
    const count = j - i + 1;
    const runOn = tokens[j + 1]?.initial && /^\s?$/.test(gap(j));
    if (count >= 3 || runOn) {
      i = j;
      continue; // already initials only ("Н.А.Р.")
    }
    const after = word(j + 1) && NEAR.test(gap(j)) && !isGiven(tokens[j + 1] as Token, null) ? j + 1 : null;
    const before = word(i - 1) && NEAR.test(gap(i - 1)) ? i - 1 : null;
    const pick = before !== null && after !== null ? (surnameLike(after) && !surnameLike(before) ? after : before) : (before ?? after);
    if (pick !== null && (count === 2 || surnameLike(pick))) take(Math.min(pick, i), Math.max(pick, j), pick);
    i = j;
  }

  // 3. A given name from the lexicon next to a capitalised word.
  for (let i = 0; i < tokens.length; i += 1) {
    if (taken[i] || !isGiven(tokens[i] as Token, context)) continue;
    const next = word(i + 1) && WS.test(gap(i)) ? i + 1 : null;
    const prev = word(i - 1) && WS.test(gap(i - 1)) ? i - 1 : null;
    let pick: number | null;
    if (next !== null && prev !== null) pick = surnameLike(next) || !surnameLike(prev) ? next : prev;
    else pick = next ?? prev;
    if (pick === null) continue;
    if (isGiven(tokens[pick] as Token, context) && !surnameLike(pick)) continue; // two given names: "Анна Мария"
    take(Math.min(pick, i), Math.max(pick, i), pick);
  }

  // 4. A capitalised word next to the court's own placeholder ("… Беловой ФИО19", "ФИО19 Белова").
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i]?.text !== 'ФИО' || !/^\d/.test(text.slice(tokens[i]?.end ?? 0))) continue;
    if (word(i - 1) && WS.test(gap(i - 1))) take(i - 1, i - 1, i - 1);
    const after = text.slice(tokens[i]?.end ?? 0, tokens[i + 1]?.start ?? 0);
    if (word(i + 1) && /^\d+\s+$/.test(after) && surnameLike(i + 1)) take(i + 1, i + 1, i + 1);
  }

  // 4b. A name in brackets right after or before one found: "Иванова Анна Сергеевна (Петрова)".
  for (let i = 0; i < tokens.length; i += 1) {
    const after = text.slice(tokens[i]?.end ?? 0, tokens[i + 1]?.start ?? text.length);
    if (!word(i) || !/\(\s*$/.test(gap(i - 1)) || !/^\s*\)/.test(after)) continue;
    if ((taken[i - 1] && /^\s*\(\s*$/.test(gap(i - 1))) || (taken[i + 1] && /^\s*\)\s*$/.test(after))) take(i, i, i);
  }

  // 5. Every form of a surname already known.
  if (context) {
    for (let i = 0; i < tokens.length; i += 1) {
      const t = tokens[i] as Token;
      if (!taken[i] && !STOP.has(t.lower) && context.knows(t)) take(i, i, i);
    }
  }
  return spans.sort((a, b) => a.from - b.from);
}

function abbreviate(tokens: Token[], span: Span): string {
  const letters: string[] = [];
  for (let k = span.from; k <= span.to; k += 1) {
    const t = tokens[k] as Token;
    if (PARTICLE.test(t.lower)) continue;
    letters.push(t.text[0]?.toUpperCase() ?? '');
  }
  return `${letters.join('.')}.`;
}

/** Learns the surnames a text names (for a later `redactNames` of the same page with this context). */
export function learnNames(raw: string, context: NameContext): void {
  const text = normaliseText(raw);
  if (!text || !/[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]/.test(text)) return;
  const tokens = tokenize(text);
  for (const span of findSpans(text, tokens, context)) {
    if (span.surname !== null) context.addSurname(tokens[span.surname]?.text ?? '');
  }
}

/**
 * Replaces personal names in free text with initials ("… в отношении Громова Глеба Геннадьевича" →
 * "… в отношении Г.Г.Г."); a known surname mentioned alone becomes its initial. Text that is not a name
 * is returned as it was.
 */
export function redactNames(raw: string, context: NameContext | null = null): string {
  const text = normaliseText(raw);
  if (!text || !/[А-ЯЁЀ-ЏҐҒҚҢҮҰҺӘӨҖ]/.test(text)) return text;
  const tokens = tokenize(text);
  const spans = findSpans(text, tokens, context);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    const start = tokens[span.from]?.start ?? 0;
    out += text.slice(at, start) + abbreviate(tokens, span);
    at = tokens[span.to]?.end ?? start;
    // "Соколов Д.И." → "С.Д.И.", not "С.Д.И.."
    if (tokens[span.to]?.initial) at = tokens[span.to]?.end ?? at;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------------------
// Fields that hold a person

/** Lower-case parts of names that are not names themselves ("Нурлан уулу Бакыт", "фон", "ибн"). */
const NAME_PARTICLE = /^(?:оглы|огли|оглу|угли|кызы|гызы|кизи|улы|уулу|ибн|бин|бинт|фон|ван|дер|де|да|ди|ла|ле|аль|эль)$/;
/** Words that make a field's part an organisation or a place, not a person (besides the STOP words). */
const ORG = new Set(
  `банк банка фонд фонда управление управления управлению администрация администрации департамент департамента инспекция инспекции служба службы
министерство министерства комитет комитета учреждение учреждения предприятие предприятия корпорация компания агентство центр центра отдел отдела
комиссариат комиссариата военкомат военкомата филиал филиала коллегия коллегии адвокатов нотариус район района районе город городе поселок села село
область областью республике республикой краю крае россия росгвардия роспотребнадзор роспотребнадзора росреестр росреестра сбербанк втб газпром
ооо оао зао пао ао нко ип муп гуп фгуп фку фгку фгбу гбу гку мку мбу ано уно снт тсж жск гск нп тсн ифнс уфнс мифнс фнс уфссп фссп осп ровд овд
гу гибдд дпс сизо ик кп лиу фсб фсо вч пфр сфр фсс пфрси дги умр`
    .split(/\s+/)
    .filter(Boolean),
);
/** Role words after which the rest of a field's part is a person ("Адвокат Ким Ен Сук", "для вручения …"). */
const ROLE =
  /^(?:адвокат|адвоката|защитник|защитника|представитель|представителя|гражданин|гражданка|истец|ответчик|заявитель|потерпевший|потерпевшая|свидетель|осужденный|осужденная|подсудимый|подсудимая|обвиняемый|обвиняемая|начальнику|начальник|вручения|лицо)$/;
const FIELD_WORD = /\p{L}+(?:[-'’]\p{L}+)*/gu;

interface Segment {
  text: string;
  quoted: boolean;
}

/** A field cut into its parts: at commas, semicolons, brackets, quotes, line breaks and spaced dashes. A surname
 * written together with its initials ("ЛимТ.", "ГРОМОВГ.Г.") is split from them first. */
function fieldSegments(raw: string): Segment[] {
  const field = raw.replace(/(\p{Ll})(\p{Lu}\.)/gu, '$1 $2').replace(/(?<!\p{L})(\p{Lu}{3,})(\p{Lu})\.(?=\s?(?:\p{Lu}\.)?\s*(?:$|[,;)]))/gu, '$1 $2.');
  const out: Segment[] = [];
  let quoted = false;
  let at = 0;
  const SEP = /[,;()«»"“”„\n]|\s[-–—]\s/g;
  for (const m of field.matchAll(SEP)) {
    const index = m.index ?? 0;
    out.push({ text: field.slice(at, index), quoted });
    out.push({ text: m[0], quoted: true }); // the separator itself: kept as it is
    if (m[0] === '«' || m[0] === '“' || m[0] === '„') quoted = true;
    else if (m[0] === '»' || m[0] === '”') quoted = false;
    else if (m[0] === '"') quoted = !quoted;
    at = index + m[0].length;
  }
  out.push({ text: field.slice(at), quoted });
  return out;
}

interface Run {
  /** Where the person's name starts and ends in the segment. */
  from: number;
  to: number;
  words: string[];
}

/** Endings of organisations' names written as one word ("Газпромбанк", "Росгосстрах"). */
const ORG_ENDING = /(?:банк|банка|банку|банком|банке|страх|страха|пром|энерго|сервис|строй|транс|инвест|лизинг|надзор|надзора|гвардия|гвардии)$/;
const isOrgWord = (part: string) => STOP.has(part) || ORG.has(part) || ORG_ENDING.test(part);
const isNameWord = (w: string) => /^\p{Lu}/u.test(w) && !lower(w).split('-').some(isOrgWord);

/**
 * The person in one part of a name field: the whole part if it is only capitalised words (and particles, initials)
 * that are neither roles nor organisations; else its trailing run of such words after a role word ("Адвокат …"), or
 * of two or more after the name of an organisation. Null when the part names no one.
 */
function personRun(segment: string): Run | null {
  if (/\d/.test(segment) || isHiddenName(segment) || !/\p{Lu}/u.test(segment)) return null;
  const words = [...segment.matchAll(FIELD_WORD)];
  if (words.length === 0) return null;
  let k = words.length;
  while (k > 0) {
    const w = words[k - 1]?.[0] ?? '';
    if (NAME_PARTICLE.test(lower(w)) || isNameWord(w)) k -= 1;
    else break;
  }
  const run = words.slice(k);
  const names = run.filter((m) => !NAME_PARTICLE.test(lower(m[0]))).length;
  if (names === 0 || names > 5 || NAME_PARTICLE.test(lower(run[0]?.[0] ?? ''))) return null;
  if (k > 0) {
    const before = lower(words[k - 1]?.[0] ?? '');
    const afterRole = ROLE.test(before);
    if (!afterRole && (names < 2 || /^(?:г|гор|город|пос|с|д|ул|пр|р|обл|им)$/.test(before))) return null;
    // After a lower-case word the capitalised words are often a place or a body ("по Республике Татарстан").
    if (!afterRole && /^[а-яёѐ-џґғқңүұһәөҗ]/.test(words[k - 1]?.[0] ?? '')) return null;
  }
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return null;
  return { from: first.index ?? 0, to: (last.index ?? 0) + last[0].length, words: run.map((m) => m[0]) };
}

/**
 * A field that by its label or column holds a person (a party's name, a list row's person line): every capitalised
 * word of a person in it is reduced to its initial, lexicon or not ("Ким Ен Сук" → "К.Е.С.", "Иванов И И" → "И.И.И."),
 * since there recall beats precision; organisations and the rest of the field go through the free-text model with the
 * page's context.
 */
export function redactNameField(raw: string, context: NameContext | null = null): string {
  const field = normaliseText(raw);
  if (isHiddenName(field)) return field;
  return fieldSegments(field)
    .map((segment) => {
      if (segment.quoted) return redactNames(segment.text, context);
      const run = personRun(segment.text);
      if (!run) return redactNames(segment.text, context);
      const letters = run.words.filter((w) => !NAME_PARTICLE.test(lower(w))).map((w) => w[0]?.toUpperCase() ?? '');
      const head = redactNames(segment.text.slice(0, run.from), context);
      // "Соколов Д.И." → "С.Д.И.", not "С.Д.И.."
      const tail = segment.text.slice(run.to).replace(/^\./, '');
      return `${head}${letters.join('.')}.${tail}`;
    })
    .join('');
}

/** Whether a string under `key` in `parent` is a field that holds a person (see redactNameField). */
export type NameFieldTest = (key: string, parent: Record<string, unknown>) => boolean;

/** Redacts a set of texts of one page together: names learned in one text are caught in all. */
export function redactTexts(texts: string[], context: NameContext = new NameContext()): string[] {
  for (const text of texts) learnNames(text, context);
  return texts.map((text) => redactNames(text, context));
}

/**
 * Every string in a JSON-like value redacted (objects and arrays walked), except those under a key in `keep`
 * (identifiers, dates, codes and the judge's name). Names learned anywhere in the value are caught everywhere.
 */
export function redactDeep<T>(value: T, keep: ReadonlySet<string>, context: NameContext = new NameContext(), nameField: NameFieldTest | null = null): T {
  const texts: string[] = [];
  const isField = (key: string | null, parent: unknown) =>
    key !== null &&
    nameField !== null &&
    parent !== null &&
    typeof parent === 'object' &&
    !Array.isArray(parent) &&
    nameField(key, parent as Record<string, unknown>);
  const collect = (v: unknown, key: string | null, parent: unknown) => {
    if (typeof v === 'string') {
      if (isField(key, parent)) context.addPersonField(v);
      if (key === null || !keep.has(key)) texts.push(v);
    } else if (Array.isArray(v)) for (const item of v) collect(item, key, parent);
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) collect(item, k, v);
  };
  collect(value, null, null);
  // A card repeats its texts (the tabs keep the raw pairs and tables): each distinct text is done once.
  for (const text of new Set(texts)) learnNames(text, context);
  const done = new Map<string, string>();
  const redact = (text: string) => {
    let out = done.get(text);
    if (out === undefined) {
      out = redactNames(text, context);
      done.set(text, out);
    }
    return out;
  };
  const walk = (v: unknown, key: string | null, parent: unknown): unknown => {
    if (typeof v === 'string') return key !== null && keep.has(key) ? v : isField(key, parent) ? redactNameField(v, context) : redact(v);
    if (Array.isArray(v)) return v.map((item) => walk(item, key, parent));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, k, v)]));
    return v;
  };
  return walk(value, null, null) as T;
}

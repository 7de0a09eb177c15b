/**
 * SYNTHETIC garrison-court criminal cases for demos, benchmarks and the crawler's simulator. Every name,
 * number and date here is invented by a seeded generator; nothing describes a real person or case.
 */
export type SyntheticOutcome = 'imprisonment' | 'suspended' | 'disciplinary_unit' | 'fine' | 'contract_signed' | 'court_fine' | 'pending';

export interface SyntheticCase {
  courtVnkod: string;
  caseId: number;
  caseUid: string;
  caseNumber: string;
  judicialUid: string;
  receiptDate: string;
  judge: string;
  defendant: { surname: string; name: string; patronymic: string };
  articles: { article: string; part: string | null }[];
  outcome: SyntheticOutcome;
  termMonths: number | null;
  probationMonths: number | null;
  fineRub: number | null;
  decisionDate: string | null;
  /** Bumped when the case changes between visits (hearing added, verdict published). */
  version: number;
}

export interface GenerateOptions {
  seed: number;
  count: number;
  courts: string[];
  /** Receipt dates between these ISO dates (inclusive). */
  from: string;
  to: string;
}

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Invented name parts (common word stems, combined at random): never a real person.
const SURNAMES = ['Синтетов', 'Примеров', 'Тестов', 'Образцов', 'Макетов', 'Условнов', 'Выдумов', 'Шаблонов', 'Модельнов', 'Пробнов', 'Черновиков', 'Эскизов'];
const NAMES = ['Иван', 'Пётр', 'Сергей', 'Андрей', 'Олег', 'Павел', 'Денис', 'Роман', 'Артём', 'Кирилл'];
const PATRONYMICS = ['Иванович', 'Петрович', 'Сергеевич', 'Андреевич', 'Олегович', 'Павлович', 'Денисович', 'Романович'];
const JUDGE_INITIALS = 'АБВГДЕЖЗИКЛМНОПРСТУФЭЮЯ';

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function weighted<T>(rand: () => number, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items.at(-1) as [T, number])[0];
}

const ARTICLES: [{ article: string; part: string | null }, number][] = [
  [{ article: '337', part: '5' }, 50],
  [{ article: '337', part: '3.1' }, 12],
  [{ article: '337', part: '3' }, 4],
  [{ article: '338', part: '2' }, 6],
  [{ article: '338', part: '1' }, 4],
  [{ article: '332', part: '2.1' }, 10],
  [{ article: '339', part: '3' }, 2],
  [{ article: '352.1', part: null }, 2],
];

const OUTCOMES: [SyntheticOutcome, number][] = [
  ['suspended', 40],
  ['imprisonment', 25],
  ['disciplinary_unit', 4],
  ['fine', 2],
  ['contract_signed', 6],
  ['court_fine', 2],
  ['pending', 21],
];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += Math.floor(rand() * 16).toString(16);
  return s;
}

export function generateCases(options: GenerateOptions): SyntheticCase[] {
  const rand = prng(options.seed);
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const days = Math.max(0, Math.round((Date.parse(`${options.to}T00:00:00Z`) - start) / 86400000));
  const perCourtYear = new Map<string, number>();
  const cases: SyntheticCase[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const courtVnkod = pick(rand, options.courts);
    const receiptDate = addDays(options.from, Math.floor(rand() * (days + 1)));
    const year = receiptDate.slice(0, 4);
    const seqKey = `${courtVnkod}:${year}`;
    const seq = (perCourtYear.get(seqKey) ?? 0) + 1;
    perCourtYear.set(seqKey, seq);
    const first = weighted(rand, ARTICLES);
    const articles = [first];
    if (first.article === '337' && rand() < 0.08) articles.push({ article: '338', part: '1' });
    const outcome = weighted(rand, OUTCOMES);
    const termMonths =
      outcome === 'imprisonment'
        ? 12 * (2 + Math.floor(rand() * 6)) + (rand() < 0.4 ? 6 : 0)
        : outcome === 'suspended'
          ? 12 * (1 + Math.floor(rand() * 5))
          : outcome === 'disciplinary_unit'
            ? 6 + Math.floor(rand() * 19)
            : null;
    cases.push({
      courtVnkod,
      caseId: 1000000 + i,
      caseUid: `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-a${hex(rand, 3)}-${hex(rand, 12)}`,
      caseNumber: `1-${seq}/${year}`,
      judicialUid: `${courtVnkod}-01-${year}-${String(Math.floor(rand() * 999999)).padStart(6, '0')}-${String(10 + Math.floor(rand() * 89))}`,
      receiptDate,
      judge: `${pick(rand, SURNAMES)} ${pick(rand, [...JUDGE_INITIALS])}.${pick(rand, [...JUDGE_INITIALS])}.`,
      defendant: { surname: pick(rand, SURNAMES), name: pick(rand, NAMES), patronymic: pick(rand, PATRONYMICS) },
      articles,
      outcome,
      termMonths,
      probationMonths: outcome === 'suspended' ? 12 * (1 + Math.floor(rand() * 3)) : null,
      fineRub: outcome === 'fine' ? 10000 * (5 + Math.floor(rand() * 20)) : null,
      decisionDate: outcome === 'pending' ? null : addDays(receiptDate, 20 + Math.floor(rand() * 120)),
      version: 1,
    });
  }
  return cases;
}

/**
 * The labels court pages use for each field the card parser reads, with where each variant was seen. A label
 * matching none of these is kept raw (in `info`, `extra` or `tabs`) and listed by `otkaz parse --report`.
 *
 * Sources: "fixture X" is a real page in test/fixtures/courts (SOURCES.md); "issue 17" is the hand check of
 * about 1,400 fields on real court pages outside the fixtures, reported in issue 17; "synthetic" is the demo
 * generator's pages (src/courts/synthetic), which copy the real pages' labels.
 */
export interface LabelVariant {
  pattern: RegExp;
  /** The label as written on a page. */
  example: string;
  seen: string;
}

const FIXTURE_CARDS = 'fixtures leninsky_ufa_criminal.html, kirov_koap.html, blag_card.html, samara_kas_appeal_card.html';

/** Label/value rows of the info table (ДЕЛО tab, or the first tab holding the case's identifying rows). */
export const INFO_LABELS = {
  judicialUid: [{ pattern: /^уникальный\s+идентификатор(\s+дела)?$/i, example: 'Уникальный идентификатор дела', seen: FIXTURE_CARDS }],
  receiptDate: [
    { pattern: /^дата\s+поступления/i, example: 'Дата поступления', seen: FIXTURE_CARDS },
    { pattern: /^дата\s+регистрации$/i, example: 'Дата регистрации', seen: 'issue 17' },
  ],
  judge: [
    { pattern: /^судья$/i, example: 'Судья', seen: 'fixtures leninsky_ufa_criminal.html, kirov_koap.html, blag_card.html' },
    { pattern: /^(судья[-\s]+)?докладчик$/i, example: 'Докладчик', seen: 'fixture samara_kas_appeal_card.html' },
    { pattern: /^председательствующий(\s+судья)?$/i, example: 'Председательствующий судья', seen: 'issue 17' },
    { pattern: /^судья\s*\(\s*мировой\s+судья\s*\)$|^мировой\s+судья$/i, example: 'Судья (мировой судья)', seen: 'issue 17' },
    { pattern: /передано\s+в\s+производство\s+судье/i, example: 'Передано в производство судье', seen: 'parser before issue 17 (source not recorded)' },
  ],
  hearingDate: [
    {
      pattern: /^дата\s+рассмотрения(\s+дела)?$/i,
      example: 'Дата рассмотрения',
      seen: 'fixtures leninsky_ufa_criminal.html, kirov_koap.html, samara_kas_appeal_card.html',
    },
  ],
  result: [
    { pattern: /^результат\s+рассмотрения$/i, example: 'Результат рассмотрения', seen: 'fixtures leninsky_ufa_criminal.html, kirov_koap.html' },
    { pattern: /^решение$/i, example: 'Решение', seen: 'fixture samara_kas_appeal_card.html' },
    { pattern: /^результат$/i, example: 'Результат', seen: 'parser before issue 17 (source not recorded)' },
  ],
  category: [{ pattern: /^категория/i, example: 'Категория дела', seen: 'fixtures blag_card.html, samara_kas_appeal_card.html' }],
} satisfies Record<string, LabelVariant[]>;

/** Info labels the parser knows and keeps raw in `info` without a field of their own. */
export const KEPT_INFO_LABELS: LabelVariant[] = [
  { pattern: /^признак\s+рассмотрения\s+дела$/i, example: 'Признак рассмотрения дела', seen: 'fixtures leninsky_ufa_criminal.html, blag_card.html' },
  { pattern: /^номер\s+здания/i, example: 'Номер здания, название обособленного подразделения', seen: 'fixture blag_card.html' },
  { pattern: /^номер\s+по\s+предыдущей\s+регистрации$/i, example: 'Номер по предыдущей регистрации', seen: 'fixture kirov_koap.html' },
  { pattern: /^номер\s+протокола\s+об\s+ап$/i, example: 'Номер протокола об АП', seen: 'fixture kirov_koap.html' },
  // The lower court's block (read into `lowerCourt`).
  {
    pattern:
      /^районный\s+суд$|^суд\s+первой\s+инстанции$|нижестоящий\s+суд|суд\s*\(судебный участок\)\s*первой|номер\s+(дела|производства).*(первой|1-ой)|судья.*первой|первой.*судья|регион\s+суда/i,
    example: 'Районный суд; Номер производства по делу в суде 1-ой инстанции',
    seen: 'fixture samara_kas_appeal_card.html',
  },
  { pattern: /^заявитель$/i, example: 'Заявитель', seen: 'fixture kirov_koap.html (ПЕРЕСМОТР tab)' },
  {
    pattern: /^результат\s+обжалования$|^результат\s+в\s+отношении\s+постановления$/i,
    example: 'Результат обжалования',
    seen: 'fixture kirov_koap.html (ПЕРЕСМОТР tab)',
  },
];

/** The info table is the one with the case's identifying rows, whatever its tab is labelled (ДЕЛО, ЖАЛОБА, …). */
export function isInfoTable(labels: string[]): boolean {
  return labels.some((label) => matches(INFO_LABELS.judicialUid, label)) || labels.some((label) => matches(INFO_LABELS.receiptDate, label));
}

export type EventColumn = 'name' | 'date' | 'time' | 'place' | 'result' | 'basis' | 'note' | 'published';
/** Column headers of the ДВИЖЕНИЕ ДЕЛА table; the first column whose header matches wins. Order matters. */
export const EVENT_COLUMNS: [EventColumn, LabelVariant][] = [
  ['published', { pattern: /дата\s+размещения/i, example: 'Дата размещения', seen: FIXTURE_CARDS }],
  ['name', { pattern: /наименовани\S*\s+событи|^событи[ея]$/i, example: 'Наименование события', seen: FIXTURE_CARDS }],
  ['time', { pattern: /^время/i, example: 'Время слушания', seen: FIXTURE_CARDS }],
  ['date', { pattern: /^дата(\s+события)?$/i, example: 'Дата события', seen: FIXTURE_CARDS }],
  ['place', { pattern: /место\s+проведения|зал/i, example: 'Зал судебного заседания', seen: FIXTURE_CARDS }],
  // Plural headers ("Основания для выбранного результата события") seen on real cards: issue 17.
  ['basis', { pattern: /основани[еяй]/i, example: 'Основание для выбранного результата события / Основания …', seen: `${FIXTURE_CARDS}; plural: issue 17` }],
  ['result', { pattern: /результат\S*\s+событи|^результат\S*$/i, example: 'Результат события', seen: FIXTURE_CARDS }],
  ['note', { pattern: /примечани/i, example: 'Примечание', seen: FIXTURE_CARDS }],
];

export type PersonColumn = 'role' | 'name' | 'articles' | 'date' | 'result';
export const PERSON_COLUMNS: [PersonColumn, LabelVariant][] = [
  ['role', { pattern: /вид\s+лица|процессуальный\s+статус/i, example: 'Вид лица, участвующего в деле', seen: FIXTURE_CARDS }],
  ['articles', { pattern: /перечень\s+статей|статьи/i, example: 'Перечень статей', seen: 'fixtures leninsky_ufa_criminal.html, kirov_koap.html' }],
  ['date', { pattern: /дата\s+рассмотрения/i, example: 'Дата рассмотрения дела в отношении лица', seen: 'fixture leninsky_ufa_criminal.html' }],
  ['result', { pattern: /результат/i, example: 'Результат в отношении лица', seen: 'fixture leninsky_ufa_criminal.html' }],
  ['name', { pattern: /фамилия|наименование|фио|лицо/i, example: 'Фамилия / наименование', seen: FIXTURE_CARDS }],
];

/** Person columns the parser knows and keeps in `extra` (company identifiers of the parties). */
export const KEPT_PERSON_COLUMNS: RegExp[] = [/^инн$/i, /^кпп$/i, /^огрн/i];

export function matches(variants: LabelVariant[], label: string): boolean {
  return variants.some((variant) => variant.pattern.test(label));
}

/** True when the parser reads or knowingly keeps an info label. */
export function knownInfoLabel(label: string): boolean {
  return Object.values(INFO_LABELS).some((variants) => matches(variants, label)) || matches(KEPT_INFO_LABELS, label);
}

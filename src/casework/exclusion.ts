/**
 * Exclusion (Refugee Convention art. 1F) preparation: the client's service history as a timeline, checked against
 * the public allegations against units in the knowledge base (assets/guidance/evidence.yaml). Pure functions.
 *
 * A match is something to prepare for — a question the asylum authority may ask — never a verdict: it says which
 * field matched by which rule, and carries the allegation's sources, confidence and licence status. Allegations
 * concern units, never named people.
 */
import { type Allegation, periodEnd, periodStart } from '../guidance/schema.ts';
import type { ClientRecord } from './record.ts';

export const EXCLUSION_NOTICE = {
  en: 'To prepare for, not a verdict: a match means the asylum authority may ask about it. It says nothing about what the client did; credibility and individual responsibility are assessed case by case.',
  ru: 'Для подготовки, а не приговор: совпадение значит, что об этом могут спросить в ведомстве по делам убежища. Оно ничего не говорит о том, что делал клиент; достоверность и личная ответственность оцениваются в каждом деле отдельно.',
} as const;

export type Service = NonNullable<ClientRecord['military']>['service'][number];

export interface TimelineEntry extends Service {
  /** The entry's position in record.military.service. */
  index: number;
}

export type MatchRule = 'unit_number' | 'unit_name' | 'place_and_period';

export interface MatchReason {
  field: 'unitNumber' | 'unit' | 'place';
  rule: MatchRule;
  /** What the client's record says. */
  client: string;
  /** What the allegation says, in English and, where the knowledge base has it, in Russian. */
  allegation: { en: string; ru: string | null };
}

export interface ExclusionMatch {
  serviceIndex: number;
  allegationId: string;
  reasons: MatchReason[];
  /** Whether the service period overlaps the allegation's period ('unknown': the service has no dates). */
  periodOverlap: 'yes' | 'no' | 'unknown';
  allegation: Allegation;
}

/** The service history, earliest first (entries without a start date last, in record order). */
export function serviceTimeline(record: Pick<ClientRecord, 'military'>): TimelineEntry[] {
  const entries = (record.military?.service ?? []).map((s, index) => ({ ...s, index }));
  return entries.sort((a, b) => (a.from ?? '9999').localeCompare(b.from ?? '9999') || a.index - b.index);
}

/** Cyrillic → Latin, letter by letter (enough to compare "Витязь" with "Vityaz", "Буча" with "Bucha"). */
const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

function latin(text: string): string {
  return [...text.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
}

/** Lower case, Latin letters, punctuation and quotes to spaces, single spaces. */
export function normaliseText(text: string): string {
  return latin(text.normalize('NFKC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The unit number a text names: "в/ч 3179", "вч3179", "military unit 3179", "3179" → "3179" (else null). */
export function normaliseUnitNumber(text: string): string | null {
  const digits = text.match(/\d{4,6}/g);
  return digits?.length === 1 ? (digits[0] as string) : null;
}

/** Phrases (after normaliseText, ordinals removed) → one code; longest first, so "otdelnaya motostrelkovaya brigada" wins over "brigada". */
const UNIT_TYPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(otdelnaya motostrelkovaya brigada|separate motor rifle brigade|omsbr)\b/g, 'omsbr'],
  [/\b(motostrelkovaya brigada|motor rifle brigade|msbr)\b/g, 'msbr'],
  [/\b(desantno shturmovaya diviziya|air assault division|dshd)\b/g, 'dshd'],
  [/\b(desantno shturmovaya brigada|air assault brigade|dshbr)\b/g, 'dshbr'],
  [/\b(vozdushno desantnaya diviziya|airborne division|vdd)\b/g, 'vdd'],
  [/\b(parashyutno desantnyy polk|parachute regiment|pdp)\b/g, 'pdp'],
  [/\b(otdelnyy razvedyvatelnyy batalon|separate reconnaissance battalion|orb|orbn)\b/g, 'orb'],
  [/\b(motostrelkovyy polk|motor rifle regiment|msp)\b/g, 'msp'],
  [/\b(tankovaya diviziya|tank division|td)\b/g, 'td'],
];

/** Words that do not tell units apart: honorifics and ordinal endings. */
const NOISE = /\b(gvardeyskaya|gvardeyskiy|gvardeyskoy|gvard|gv|guards|the)\b/g;

/**
 * A unit name reduced to "number type" ("64th Separate Motor Rifle Brigade", "64-я отдельная мотострелковая бригада",
 * "64 ОМСБр", "64 омсбр" → "64 omsbr"), or the normalised words when it has no number and type.
 */
export function normaliseUnitName(text: string): string {
  let s = normaliseText(text)
    .replace(/\b(\d+)\s*(st|nd|rd|th|ya|yy|y|iy|oy|ogo|go|aya|ogo)\b/g, '$1')
    .replace(NOISE, ' ');
  for (const [pattern, code] of UNIT_TYPES) s = s.replace(pattern, code);
  return s.replace(/\s+/g, ' ').trim();
}

/** The name signatures ("64 omsbr"): each number followed by a unit-type code. */
function signatures(normalised: string): string[] {
  const codes = new Set(UNIT_TYPES.map(([, code]) => code));
  return [...normalised.matchAll(/\b(\d+) (\w+)\b/g)].filter((m) => codes.has(m[2] as string)).map((m) => `${m[1]} ${m[2]}`);
}

/** Does the client's unit text name the allegation's unit (by its names or aliases)? Returns the name that matched. */
function unitNameMatch(clientUnit: string, unit: Allegation['units'][number]): string | null {
  const client = normaliseUnitName(clientUnit);
  const clientSigs = signatures(client);
  for (const name of [unit.name.en, unit.name.ru, ...unit.aliases]) {
    const theirs = normaliseUnitName(name);
    if (!theirs) continue;
    const theirSigs = signatures(theirs);
    if (theirSigs.some((sig) => clientSigs.includes(sig))) return name;
    // A name without a number and type ("Vityaz", "FSIN") matches as a whole word.
    if (!theirSigs.length && ` ${client} `.includes(` ${theirs} `)) return name;
  }
  return null;
}

/** Does the place text name the allegation's place (either language, either script)? */
function placeMatch(clientPlace: string, place: Allegation['places'][number]): string | null {
  const client = ` ${normaliseText(clientPlace)} `;
  for (const name of [place.en, place.ru]) {
    const theirs = normaliseText(name);
    if (theirs && client.includes(` ${theirs} `)) return name;
  }
  return null;
}

/** A unit as the allegation names it, with its number, in both languages. */
function numbered(unit: Allegation['units'][number]): MatchReason['allegation'] {
  return { en: `${unit.name.en} (${unit.number})`, ru: unit.name.ru ? `${unit.name.ru} (${unit.number})` : null };
}

function overlap(service: Service, allegation: Allegation): 'yes' | 'no' | 'unknown' {
  if (!service.from && !service.to) return 'unknown';
  const start = service.from ?? '0000-01-01';
  const end = service.to ?? '9999-12-31';
  return start <= periodEnd(allegation.period.to) && end >= periodStart(allegation.period.from) ? 'yes' : 'no';
}

/**
 * Every (service entry, allegation) pair that matches: by unit number, by unit name, or by place with an overlapping
 * period (a place alone, with the period outside, is not a match; a service without dates overlaps "unknown" and
 * is not matched by place either).
 */
export function matchAllegations(record: Pick<ClientRecord, 'military'>, allegations: readonly Allegation[]): ExclusionMatch[] {
  const matches: ExclusionMatch[] = [];
  for (const service of serviceTimeline(record)) {
    for (const allegation of allegations) {
      const reasons: MatchReason[] = [];
      const periodOverlap = overlap(service, allegation);
      const number = service.unitNumber ? normaliseUnitNumber(service.unitNumber) : null;
      for (const unit of allegation.units) {
        if (number && unit.number && number === unit.number)
          reasons.push({ field: 'unitNumber', rule: 'unit_number', client: service.unitNumber ?? '', allegation: numbered(unit) });
        const name = service.unit ? unitNameMatch(service.unit, unit) : null;
        if (service.unit && name)
          reasons.push({
            field: 'unit',
            rule: 'unit_name',
            client: service.unit,
            allegation: name === unit.name.en || name === unit.name.ru ? { en: unit.name.en, ru: unit.name.ru ?? null } : { en: name, ru: name },
          });
        // A unit number written in the unit field ("в/ч 3179") counts as a number.
        const inName = service.unit && !number ? normaliseUnitNumber(service.unit) : null;
        if (inName && unit.number && inName === unit.number && service.unit)
          reasons.push({ field: 'unit', rule: 'unit_number', client: service.unit, allegation: numbered(unit) });
      }
      if (service.place && periodOverlap === 'yes')
        for (const place of allegation.places) {
          const hit = placeMatch(service.place, place);
          if (hit)
            reasons.push({
              field: 'place',
              rule: 'place_and_period',
              client: `${service.place}, ${service.from ?? '…'} – ${service.to ?? '…'}`,
              allegation: {
                en: `${hit === place.ru ? hit : place.en}, ${allegation.period.from} – ${allegation.period.to}`,
                ru: place.ru ? `${hit === place.en ? place.ru : hit}, ${allegation.period.from} – ${allegation.period.to}` : null,
              },
            });
        }
      if (reasons.length) matches.push({ serviceIndex: service.index, allegationId: allegation.id, reasons, periodOverlap, allegation });
    }
  }
  return matches;
}

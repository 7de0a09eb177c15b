/**
 * The guidance knowledge base: offences, exit routes, destinations (entry, stated policy, rulings, incidents),
 * organisations — every statement a fact with its sources, dates, confidence and last verification. The YAML
 * files in assets/guidance/ are validated against this schema at load (CLI, server, tests); facts are referred
 * to by id, and every id must resolve.
 */
import { z } from 'zod';

export const localized = z.object({ en: z.string().min(1), ru: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localized>;

/** 2022, 2022-09 or 2022-09-24: as precise as the source is. */
export const partialDate = z
  .union([z.string(), z.number().int(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'));
const fullDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes');
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166 alpha-3');

export const source = z
  .object({
    url: z.string().url().optional(),
    document: z.string().optional(),
    published: partialDate.optional(),
  })
  .strict()
  .refine((s) => s.url !== undefined || s.document !== undefined, 'a source needs a url or a document');

export const CONFIDENCE = ['official', 'secondary', 'unverified'] as const;

export const fact = z
  .object({
    id,
    text: localized,
    /** When it happened or took effect. */
    date: partialDate.optional(),
    sources: z.array(source),
    /** When someone last checked the fact against its sources. */
    verified: fullDate,
    confidence: z.enum(CONFIDENCE),
    /** For laws: in force, no longer in force, or passed but not confirmed in force. */
    status: z.enum(['in_force', 'historical', 'passed_not_confirmed']).optional(),
    /** Sources disagree: how. */
    conflict: localized.optional(),
    /** A detail still to be confirmed. */
    check: z.string().optional(),
  })
  .strict();
export type Fact = z.infer<typeof fact>;

export const STATUSES = ['conscript', 'contract', 'mobilised', 'reservist_summoned', 'awol', 'deserter', 'civilian'] as const;
export type PersonStatus = (typeof STATUSES)[number];
export const DOCUMENTS = ['internal_passport', 'international_passport', 'none'] as const;
export type TravelDocument = (typeof DOCUMENTS)[number];
export const CONDITIONS = ['peacetime', 'mobilisation', 'martial_law', 'wartime', 'armed_conflict'] as const;

export const offence = z
  .object({
    id,
    article: z.string().regex(/^\d+(\.\d+)?$/),
    part: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .nullable(),
    title: localized,
    penalty: z.object({ min_years: z.number().nullable(), max_years: z.number().nullable(), summary: localized }).strict(),
    /** Aggravating conditions the part requires (empty: none). */
    conditions: z.array(z.enum(CONDITIONS)),
    applies_to: z.array(z.enum(STATUSES)).min(1),
    introduced: z.object({ law: z.string(), date: partialDate }).strict().optional(),
    facts: z.array(id).min(1),
    exemptions: z.array(id).default([]),
    /** Earlier and later versions of the rule, including laws passed but not confirmed in force. */
    history: z.array(id).default([]),
  })
  .strict();
export type Offence = z.infer<typeof offence>;

const access = z.object({ allowed: z.enum(['yes', 'no', 'conditional']), conditions: localized.optional(), facts: z.array(id) }).strict();

export const exitRoute = z
  .object({
    destination: iso3,
    documents: z.object({ internal_passport: access, international_passport: access, none: access }).strict(),
  })
  .strict();
export type ExitRoute = z.infer<typeof exitRoute>;

export const restriction = z
  .object({ id, title: localized, applies_to: z.array(z.enum(STATUSES)).min(1), summary: localized, facts: z.array(id).min(1) })
  .strict();
export type Restriction = z.infer<typeof restriction>;

export const ruling = z
  .object({
    id,
    court: z.string(),
    date: partialDate,
    case_no: z.string().nullable(),
    outcome: z.enum(['refugee_status', 'subsidiary_protection', 'refused', 'principle_only']),
    held: localized,
    not_held: localized.optional(),
    facts: z.array(id).min(1),
  })
  .strict();
export type Ruling = z.infer<typeof ruling>;

export const INCIDENT_KINDS = [
  'detention',
  'abduction',
  'extradition',
  'handover',
  'deportation',
  'refusal_to_extradite',
  'release',
  'entry_ban',
  'killing',
  'asylum_refused',
] as const;
/** Kinds that put a person back in Russian hands (or worse): these raise the risk of a destination. */
export const HARMFUL: ReadonlySet<string> = new Set(['abduction', 'extradition', 'handover', 'deportation', 'killing']);

export const incident = z
  .object({
    id,
    date: partialDate,
    place: localized,
    kind: z.enum(INCIDENT_KINDS),
    /** Who it happened to, by group (never a name). */
    who: z.enum(['deserter', 'draft_evader', 'serviceman', 'activist', 'asylum_seeker', 'other']),
    outcome: localized,
    facts: z.array(id).min(1),
  })
  .strict();
export type Incident = z.infer<typeof incident>;

export const destination = z
  .object({
    country: iso3,
    name: localized,
    region: z.enum(['eu', 'europe_other', 'cis', 'caucasus', 'americas', 'other']),
    entry: z.object({ summary: localized, facts: z.array(id).min(1) }).strict(),
    policy: z.object({ summary: localized, facts: z.array(id) }).strict(),
    rulings: z.array(ruling).default([]),
    incidents: z.array(incident).default([]),
    /** Asylum statistics exist for this destination (UNHCR/Eurostat series with Russia as origin). */
    statistics: z.boolean().default(false),
    organisations: z.array(id).default([]),
  })
  .strict();
export type Destination = z.infer<typeof destination>;

export const organisation = z
  .object({
    id,
    name: localized,
    based: z.string(),
    url: z.string().url().optional(),
    helps: z.array(z.enum(['desertion', 'draft_evasion', 'leaving_russia', 'asylum', 'legal_defence', 'shelter', 'advocacy', 'documentation'])).min(1),
    what: localized,
    figures: z.array(id).default([]),
    facts: z.array(id).min(1),
  })
  .strict();
export type Organisation = z.infer<typeof organisation>;

/** The kinds of claim a document checklist is written for (the client's situation when he left or refused). */
export const CLAIM_TYPES = [
  'deserter_criminal_case',
  'awol_337',
  'mobilised_before_deployment',
  'conscript_reservist_before_callup',
  'contract_soldier',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/**
 * What satisfies a checklist item: `court_record` — the archived court record of a criminal case linked to the file
 * (its capture's sha256); `document` — a document uploaded to the file; `statement` — the client's own account;
 * `other` — anything else (a witness, a public record).
 */
export const CHECKLIST_ITEM_KINDS = ['court_record', 'document', 'statement', 'other'] as const;
export type ChecklistItemKind = (typeof CHECKLIST_ITEM_KINDS)[number];

export const checklistItem = z
  .object({
    id,
    kind: z.enum(CHECKLIST_ITEM_KINDS),
    what: localized,
    why: localized,
    /** The item's sources: facts of the knowledge base. */
    facts: z.array(id).min(1),
    /** Why the item matters, or how, for one destination — each with its own sources. */
    destinations: z.array(z.object({ country: iso3, note: localized, facts: z.array(id).min(1) }).strict()).default([]),
  })
  .strict();
export type ChecklistItem = z.infer<typeof checklistItem>;

export const checklist = z
  .object({
    claim_type: z.enum(CLAIM_TYPES),
    title: localized,
    summary: localized,
    items: z.array(checklistItem).min(1),
  })
  .strict();
export type Checklist = z.infer<typeof checklist>;

/** How firm a public allegation against a unit is: reported (press), an official finding (a prosecutor, a UN body), a court's finding. */
export const ALLEGATION_CONFIDENCE = ['reported', 'official_finding', 'court_finding'] as const;
/** Whether the source's licence allows reuse of its text: not verified unless someone checked it. */
export const LICENCE_STATUSES = ['not_verified', 'verified_open', 'verified_restricted'] as const;

export const allegationSource = z
  .object({
    publisher: z.string().min(1),
    title: z.string().min(1),
    published: partialDate,
    url: z.string().url().optional(),
    /** A document symbol or reference when there is no URL (e.g. a UN document number). */
    document: z.string().optional(),
  })
  .strict();
export type AllegationSource = z.infer<typeof allegationSource>;

/**
 * A public allegation against military units (never against named people: leaked personal data of soldiers is never
 * imported). Used to prepare an exclusion (Refugee Convention art. 1F) question, never to decide one.
 */
export const allegation = z
  .object({
    id,
    units: z
      .array(
        z
          .object({
            name: localized,
            /** Other spellings and abbreviations matched too (e.g. "64 ОМСБр"). */
            aliases: z.array(z.string().min(1)).default([]),
            /** The military unit number (в/ч), where public. */
            number: z
              .string()
              .regex(/^\d{4,6}$/, 'a unit number is 4 to 6 digits')
              .optional(),
          })
          .strict(),
      )
      .min(1),
    /** Where the alleged acts took place (none: matched by unit only). */
    places: z.array(localized).default([]),
    period: z.object({ from: partialDate, to: partialDate }).strict(),
    alleged: localized,
    sources: z.array(allegationSource).min(1),
    confidence: z.enum(ALLEGATION_CONFIDENCE),
    licence: z.enum(LICENCE_STATUSES).default('not_verified'),
    note: localized.optional(),
  })
  .strict();
export type Allegation = z.infer<typeof allegation>;

export const knowledgeBase = z
  .object({
    facts: z.array(fact).default([]),
    offences: z.array(offence).default([]),
    exit_routes: z.array(exitRoute).default([]),
    restrictions: z.array(restriction).default([]),
    destinations: z.array(destination).default([]),
    organisations: z.array(organisation).default([]),
    checklists: z.array(checklist).default([]),
    allegations: z.array(allegation).default([]),
  })
  .strict();
export type KnowledgeBase = z.infer<typeof knowledgeBase>;

/** The first day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) covers. */
export function periodStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date covers. */
export function periodEnd(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  return date;
}

/**
 * One model for asylum and border statistics from UNHCR, Eurostat and US CBP. An observation is one published
 * number: which quantity (indicator + measure), who (origin), where (destination), when (period), at which
 * procedure stage (level), in which unit, with the source's other dimensions kept in `detail`. The same word
 * means different things in different sources; `INDICATORS` states each definition (docs/asylum-statistics.md).
 */

/** The statistics sources; each has its adapter in src/asylum/sources/ (a missing one does not compile). */
export const SOURCES = ['unhcr', 'eurostat', 'cbp', 'legal_aid'] as const;
export type Source = (typeof SOURCES)[number];

export type PeriodType = 'year' | 'quarter' | 'month';
export type Unit = 'persons' | 'cases' | 'encounters';

export interface Observation {
  indicator: Indicator;
  measure: string;
  /** ISO 3166 alpha-3, or an aggregate code (always longer than three letters: WORLD, EU27_2020, OTHER…). */
  origin: string;
  destination: string;
  /** YYYY, YYYY-Qn or YYYY-MM, calendar. */
  period: string;
  periodType: PeriodType;
  level: string;
  unit: Unit;
  sex: string;
  age: string;
  detail: string;
  value: number | null;
  flags: string | null;
  /** Line (1-based, physical) of the record in its file; for JSON inputs the item's index. */
  line: number;
}

export type Indicator =
  | 'applications'
  | 'decisions'
  | 'refugees'
  | 'asylum_seekers'
  | 'returned_refugees'
  | 'idps'
  | 'returned_idps'
  | 'stateless'
  | 'others_of_concern'
  | 'other_in_need'
  | 'host_community'
  | 'resettlement'
  | 'naturalisation'
  | 'encounters'
  | 'clients';

export interface IndicatorDefinition {
  id: Indicator;
  kind: 'flow' | 'stock';
  measures: Record<string, string>;
  definition: string;
}

/** The indicators and measures, with the definitions that make sources comparable or not. */
export const INDICATORS: Record<Indicator, IndicatorDefinition> = {
  applications: {
    id: 'applications',
    kind: 'flow',
    definition:
      'Asylum applications lodged in the period. Eurostat: applicants (persons), rounded to 5, "first-time" excludes anyone who applied before in the same country. UNHCR: as reported by the national authority or UNHCR office, by application type and procedure stage, in persons or cases (never add the two).',
    measures: {
      all: 'Eurostat: all applicants (ASY_APP / TOTAL). UNHCR: sum of every application type and stage reported.',
      first_time: 'Eurostat: first-time applicants (NASY_APP / FRST).',
      subsequent: 'Eurostat: subsequent applicants (SSEQ).',
      new: 'UNHCR: new applications (app_type N).',
      repeat: 'UNHCR: repeat applications (app_type R).',
      appeal: 'UNHCR: appeals and reviews lodged (app_type A).',
      other: 'UNHCR: other application types (V, J, NA, NR, RA, FA, SP; the code is in detail).',
    },
  },
  decisions: {
    id: 'decisions',
    kind: 'flow',
    definition:
      'Decisions taken in the period. Eurostat: first-instance (migr_asydcfsta, level FI) or final on appeal/review (migr_asydcfina, level FINAL), persons, rounded to 5. UNHCR: by procedure stage (FI, AR, FA, EO, IN …), recognised / complementary / rejected / otherwise closed.',
    measures: {
      total: 'All decisions (Eurostat TOTAL; UNHCR dec_total, which includes otherwise-closed cases).',
      positive: 'Eurostat: all positive decisions (TOTAL_POS / POS).',
      refugee_status: 'Eurostat: Geneva Convention status (GENCONV / POS_RFG). UNHCR: recognised (dec_recognized).',
      subsidiary: 'Eurostat: subsidiary protection (SUB_PROT / POS_SPROT).',
      humanitarian: 'Eurostat: authorisation to stay for humanitarian reasons (HUMSTAT / POS_HUM).',
      temporary_protection: 'Eurostat: temporary protection (TEMP_PROT), old code list only.',
      complementary: 'UNHCR: complementary protection (dec_other).',
      rejected: 'Eurostat: REJECTED / NEG. UNHCR: rejected on the merits (dec_rejected).',
      otherwise_closed: 'UNHCR: closed without a decision on the merits (dec_closed).',
    },
  },
  refugees: { id: 'refugees', kind: 'stock', definition: 'UNHCR: refugees under UNHCR mandate at the end of the year.', measures: { stock: 'end-year stock' } },
  asylum_seekers: {
    id: 'asylum_seekers',
    kind: 'stock',
    definition: 'UNHCR: asylum-seekers with a pending claim at the end of the year.',
    measures: { stock: 'end-year stock' },
  },
  returned_refugees: {
    id: 'returned_refugees',
    kind: 'flow',
    definition: 'UNHCR: refugees who returned to the country of origin during the year.',
    measures: { total: 'persons' },
  },
  idps: { id: 'idps', kind: 'stock', definition: 'UNHCR: internally displaced persons of concern, end of year.', measures: { stock: 'end-year stock' } },
  returned_idps: { id: 'returned_idps', kind: 'flow', definition: 'UNHCR: IDPs who returned during the year.', measures: { total: 'persons' } },
  stateless: { id: 'stateless', kind: 'stock', definition: 'UNHCR: stateless persons, end of year.', measures: { stock: 'end-year stock' } },
  others_of_concern: {
    id: 'others_of_concern',
    kind: 'stock',
    definition: 'UNHCR: others of concern (ooc), end of year.',
    measures: { stock: 'end-year stock' },
  },
  other_in_need: {
    id: 'other_in_need',
    kind: 'stock',
    definition: 'UNHCR: other people in need of international protection (oip), end of year.',
    measures: { stock: 'end-year stock' },
  },
  host_community: { id: 'host_community', kind: 'stock', definition: 'UNHCR: host community members of concern (hst).', measures: { stock: 'end-year stock' } },
  resettlement: {
    id: 'resettlement',
    kind: 'flow',
    definition: 'UNHCR: refugees resettled to the destination during the year (arrivals from a third country; not an asylum decision).',
    measures: { total: 'persons' },
  },
  naturalisation: {
    id: 'naturalisation',
    kind: 'flow',
    definition: 'UNHCR: refugees naturalised in the destination during the year.',
    measures: { total: 'persons' },
  },
  encounters: {
    id: 'encounters',
    kind: 'flow',
    definition:
      'US CBP: encounters (Border Patrol apprehensions, Office of Field Operations inadmissibles, Title 42 expulsions) — events, not people: one person can be encountered several times. Monthly; US fiscal year runs 1 October – 30 September.',
    measures: { total: 'all encounters' },
  },
  clients: {
    id: 'clients',
    kind: 'flow',
    definition:
      'Legal-aid case files (anonymised releases of otkaz, docs/disclosure.md): clients of the organisations that share statistics — not all applicants, nor all military applicants — counted once per person by their first asylum application, in the year it was first filed; stage and outcome as at the end of that year. Counts of 1 to k−1, and counts that would give them away, are withheld (flag c). Never added to UNHCR, Eurostat or CBP figures.',
    measures: {
      all: 'all clients counted',
      military: 'clients with a military status (conscript, contract, mobilised, reservist, volunteer)',
      not_military: 'clients recorded as not military',
      unknown_status: 'military status not recorded or unknown',
      conscript: 'conscripts',
      contract: 'contract soldiers',
      mobilised: 'mobilised',
      reservist: 'reservists',
      volunteer: 'volunteers',
      stage_filing: 'application filed, no decision yet',
      stage_first_instance: 'reached first instance',
      stage_appeal: 'reached appeal',
      stage_further_appeal: 'reached a further appeal',
      stage_review: 'reached review',
      outcome_protection: 'granted some protection',
      outcome_no_protection: 'decided without protection (rejected, inadmissible, withdrawn, referred…)',
      outcome_pending: 'no decision yet',
    },
  },
};

/**
 * Procedure stages (levels) the sources use: UNHCR's dec_level / application stage codes (../shared/docs/
 * asylum-data-formats.md, "Code lists": FI first instance, AR administrative review, RA repeat, FA first instance and
 * appeal, EO US immigration courts, IN US USCIS, JR judicial review, NA new, and TA, SP, TP, BL, CA, TR as reported) and
 * Eurostat's FI / FINAL (migr_asydcfsta / migr_asydcfina). A stage a newer release brings is accepted once it is stored.
 */
export const PROCEDURE_STAGES = ['FI', 'AR', 'RA', 'FA', 'EO', 'IN', 'JR', 'NA', 'TA', 'SP', 'TP', 'BL', 'CA', 'TR', 'FINAL'] as const;

export function isIndicator(value: string): value is Indicator {
  return Object.hasOwn(INDICATORS, value);
}

/**
 * The shapes of guidance answers (API response schemas, OpenAPI, the web app's generated types): the knowledge
 * base as loaded (src/guidance/schema.ts validates the YAML; these are its plain output shapes), its check, and the
 * route checker's result (src/guidance/route.ts).
 */
import { z } from 'zod';
import { CONFIDENCE, DOCUMENTS, INCIDENT_KINDS, STATUSES } from '../../guidance/schema.ts';
import { OffenceViewSchema } from '../cases/schemas.ts';

const localized = z.object({ en: z.string(), ru: z.string() });
const line = z.object({ text: localized, facts: z.array(z.string()) });

export const FactViewSchema = z.object({
  id: z.string(),
  text: localized,
  date: z.string().optional(),
  sources: z.array(z.object({ url: z.string().optional(), document: z.string().optional(), published: z.string().optional() })),
  verified: z.string(),
  confidence: z.enum(CONFIDENCE),
  status: z.enum(['in_force', 'historical', 'passed_not_confirmed']).optional(),
  conflict: localized.optional(),
  check: z.string().optional(),
});

const access = z.object({ allowed: z.enum(['yes', 'no', 'conditional']), conditions: localized.optional(), facts: z.array(z.string()) });

export const ExitRouteViewSchema = z.object({
  destination: z.string(),
  documents: z.object({ internal_passport: access, international_passport: access, none: access }),
});

export const RestrictionViewSchema = z.object({
  id: z.string(),
  title: localized,
  applies_to: z.array(z.enum(STATUSES)),
  summary: localized,
  facts: z.array(z.string()),
});

export const RulingViewSchema = z.object({
  id: z.string(),
  court: z.string(),
  date: z.string(),
  case_no: z.string().nullable(),
  outcome: z.enum(['refugee_status', 'subsidiary_protection', 'refused', 'principle_only']),
  held: localized,
  not_held: localized.optional(),
  facts: z.array(z.string()),
});

export const IncidentViewSchema = z.object({
  id: z.string(),
  date: z.string(),
  place: localized,
  kind: z.enum(INCIDENT_KINDS),
  who: z.enum(['deserter', 'draft_evader', 'serviceman', 'activist', 'asylum_seeker', 'other']),
  outcome: localized,
  facts: z.array(z.string()),
});

export const DestinationViewSchema = z.object({
  country: z.string(),
  name: localized,
  region: z.enum(['eu', 'europe_other', 'cis', 'caucasus', 'americas', 'other']),
  entry: z.object({ summary: localized, facts: z.array(z.string()) }),
  policy: z.object({ summary: localized, facts: z.array(z.string()) }),
  rulings: z.array(RulingViewSchema),
  incidents: z.array(IncidentViewSchema),
  statistics: z.boolean(),
  organisations: z.array(z.string()),
});

export const OrganisationViewSchema = z.object({
  id: z.string(),
  name: localized,
  based: z.string(),
  url: z.string().optional(),
  helps: z.array(z.enum(['desertion', 'draft_evasion', 'leaving_russia', 'asylum', 'legal_defence', 'shelter', 'advocacy', 'documentation'])),
  what: localized,
  figures: z.array(z.string()),
  facts: z.array(z.string()),
});

/** The whole knowledge base, with the disclaimer every answer carries. */
export const KnowledgeBaseViewSchema = z.object({
  disclaimer: localized,
  facts: z.array(FactViewSchema),
  offences: z.array(OffenceViewSchema),
  exit_routes: z.array(ExitRouteViewSchema),
  restrictions: z.array(RestrictionViewSchema),
  destinations: z.array(DestinationViewSchema),
  organisations: z.array(OrganisationViewSchema),
});

/** The knowledge base's health (src/guidance/check.ts). */
export const KnowledgeBaseReportSchema = z.object({
  today: z.string(),
  facts: z.number().int(),
  unsourced: z.array(z.string()),
  stale: z.array(z.object({ id: z.string(), verified: z.string() })),
  conflicts: z.array(z.string()),
  toConfirm: z.array(z.object({ id: z.string(), check: z.string() })),
  notInForce: z.array(z.string()),
  ok: z.boolean(),
});

export const RecognitionFigureSchema = z.object({
  year: z.string(),
  ratePct: z.number().nullable(),
  method: z.string(),
  definition: z.string(),
  release: z.string(),
});

export const DestinationResultSchema = z.object({
  country: z.string(),
  name: localized,
  reachable: z.enum(['yes', 'conditional', 'no', 'unknown']),
  conditions: z.array(line),
  risk: z.object({
    level: z.enum(['high', 'elevated', 'low', 'unknown']),
    score: z.number(),
    summary: line,
    incidents: z.array(z.object({ incident: IncidentViewSchema, ageMonths: z.number(), weight: z.number() })),
  }),
  protection: z.object({
    policy: line,
    rulings: z.array(RulingViewSchema),
    statistics: RecognitionFigureSchema.nullable(),
    statisticsHint: line.nullable(),
  }),
  organisations: z.array(OrganisationViewSchema),
  preferred: z.boolean(),
});

/** The route checker's answer: every line with the ids of the facts it rests on. */
export const RouteResultSchema = z.object({
  input: z.object({
    documents: z.array(z.enum(DOCUMENTS)),
    status: z.enum(STATUSES),
    caseOpen: z.boolean().optional(),
    location: z.string(),
    preferences: z.array(z.string()).optional(),
    today: z.string(),
  }),
  disclaimer: localized,
  situation: z.array(line),
  offences: z.array(OffenceViewSchema),
  destinations: z.array(DestinationResultSchema),
  evidence: z.array(line),
  organisations: z.array(OrganisationViewSchema),
  staleFacts: z.array(z.string()),
});

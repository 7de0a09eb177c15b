/** The shapes of case answers (API response schemas, OpenAPI, the web app's generated types). */
import { z } from 'zod';
import { CONDITIONS, STATUSES } from '../../guidance/schema.ts';

const date = z.string().nullable();

export const CaseHeadSchema = z.object({
  id: z.number().int(),
  court_vnkod: z.string(),
  court_name: z.string().nullable(),
  case_key: z.string(),
  case_number: z.string().nullable(),
  judicial_uid: z.string().nullable(),
  proceeding: z.string().nullable(),
  receipt_date: date,
  decision_date: date,
  legal_force_date: date,
  judge: z.string().nullable(),
  category: z.string().nullable(),
  result_text: z.string().nullable(),
  outcome: z.string().nullable(),
  synthetic: z.boolean(),
  first_seen_at: z.string(),
  updated_at: z.string(),
});

export const CasePersonSchema = z.object({
  position: z.number().int(),
  initials: z.string().nullable(),
  hidden: z.boolean(),
  decision_date: date,
  result_text: z.string().nullable(),
  outcome: z.string().nullable(),
  sentence_kind: z.string().nullable(),
  sentence: z.unknown(),
});

export const CaseChargeSchema = z.object({
  defendant_position: z.number().int(),
  position: z.number().int(),
  code: z.string(),
  article: z.string(),
  part: z.string().nullable(),
  point: z.string().nullable(),
});

export const CaseEventSchema = z.object({
  position: z.number().int(),
  name: z.string().nullable(),
  event_date: date,
  event_time: z.string().nullable(),
  place: z.string().nullable(),
  result: z.string().nullable(),
  basis: z.string().nullable(),
  note: z.string().nullable(),
  published_date: date,
});

export const CaseHistorySchema = z.object({
  kind: z.enum(['created', 'updated']),
  recorded_at: z.string(),
  changes: z.unknown(),
  capture_id: z.number().int(),
  url: z.string().nullable(),
  retrieved_at: z.string().nullable(),
  sha256: z.string(),
  synthetic: z.boolean(),
});

export const CaseCaptureSchema = z.object({
  id: z.number().int(),
  url: z.string().nullable(),
  retrieved_at: z.string().nullable(),
  ingested_at: z.string(),
  http_status: z.number().int().nullable(),
  sha256: z.string(),
  content_type: z.string().nullable(),
  source: z.string(),
  synthetic: z.boolean(),
  page_kind: z.string(),
  layout: z.string().nullable(),
});

export const LinkedInstanceSchema = z.object({
  id: z.number().int(),
  court_vnkod: z.string(),
  case_number: z.string().nullable(),
  proceeding: z.string().nullable(),
  receipt_date: date,
  outcome: z.string().nullable(),
});

const localized = z.object({ en: z.string(), ru: z.string() });

/** An offence of the guidance knowledge base as answers carry it. */
export const OffenceViewSchema = z.object({
  id: z.string(),
  article: z.string(),
  part: z.string().nullable(),
  title: localized,
  penalty: z.object({ min_years: z.number().nullable(), max_years: z.number().nullable(), summary: localized }),
  conditions: z.array(z.enum(CONDITIONS)),
  applies_to: z.array(z.enum(STATUSES)),
  introduced: z.object({ law: z.string(), date: z.string() }).optional(),
  facts: z.array(z.string()),
  exemptions: z.array(z.string()),
  history: z.array(z.string()),
});

export const CasePenaltySchema = z.object({ article: z.string(), part: z.string().nullable(), offence: OffenceViewSchema.nullable() });

/** The watch's inputs and answers (API, CLI, OpenAPI, the web app's generated types). */
import { z } from 'zod';
import { WATCH_EVIDENCE } from '../../courts/watch/classify.ts';
import { WATCH_KINDS } from '../../courts/watch/read.ts';
import { isoDate, text } from '../../shared/validation.ts';

const VNKOD = /^\w+$/;

/** `50GV0001,61GV0001` → the codes; each checked. */
export const courtList = text(2000).transform((value, c) => {
  const codes = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = codes.find((v) => !VNKOD.test(v) || v.length > 40);
  if (bad !== undefined) {
    c.addIssue({ code: 'custom', message: `expected court codes (vnkod) separated by commas, e.g. 50GV0001,61GV0001; got "${bad}"` });
    return z.NEVER;
  }
  return codes;
});

/** `12,40` → case ids; each a positive whole number. */
export const caseList = text(2000).transform((value, c) => {
  const ids = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = ids.find((v) => !/^[1-9]\d{0,15}$/.test(v));
  if (bad !== undefined) {
    c.addIssue({ code: 'custom', message: `expected case ids separated by commas, e.g. 12,40; got "${bad}"` });
    return z.NEVER;
  }
  return ids.map(Number);
});

const kindList = text(100).transform((value, c) => {
  const kinds = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = kinds.find((k) => !(WATCH_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) {
    c.addIssue({ code: 'custom', message: `unknown kind "${bad}"; use ${WATCH_KINDS.join(', ')}` });
    return z.NEVER;
  }
  return kinds as (typeof WATCH_KINDS)[number][];
});

/** Which cases are watched: courts, cases, or both (none: every known case). */
export const WatchScopeFields = {
  court: courtList.optional().describe('watched courts: court codes (vnkod), comma-separated'),
  case: caseList.optional().describe('watched cases: case ids, comma-separated'),
};

export const WatchEventsInput = z
  .object({
    ...WatchScopeFields,
    kind: kindList.optional().describe(`only these kinds, comma-separated: ${WATCH_KINDS.join(', ')}`),
    since: isoDate.optional().describe('only events observed on or after this day'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

const CaptureRefSchema = z.object({ id: z.number().int(), sha256: z.string(), retrieved_at: z.string().nullable() });

export const WatchEventSchema = z.object({
  key: z.string().describe('stable: w<n> for a removal or restoration, h<n> for a change'),
  kind: z.enum(WATCH_KINDS),
  at: z.string().describe('when the court site gave the answer'),
  case_id: z.number().int(),
  court_vnkod: z.string(),
  court_name: z.string().nullable(),
  case_number: z.string().nullable(),
  synthetic: z.boolean(),
  evidence: z
    .enum(WATCH_EVIDENCE)
    .nullable()
    .describe('removed/restored: what showed it (HTTP 404, the site\'s "no data" page, gone from its list, served again)'),
  capture: CaptureRefSchema.describe('the answer: the not-found page or 404, the card served again, the changed card'),
  last_capture: CaptureRefSchema.nullable().describe('removed: the last capture that still showed the card'),
  fields: z.array(z.string()).describe('changed: the names of the fields that changed (the values are in the case history)'),
  summary: z.string().describe('the event in one sentence (English)'),
  summary_ru: z.string().describe('the event in one sentence (Russian)'),
});
export type WatchEventView = z.infer<typeof WatchEventSchema>;

export const WATCH_EVENT_COLUMNS = ['key', 'kind', 'at', 'case_id', 'court_vnkod', 'case_number', 'evidence', 'summary', 'synthetic'] as const;

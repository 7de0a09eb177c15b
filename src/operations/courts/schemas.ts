/** The shapes of court-directory answers. */
import { z } from 'zod';
import { COURT_LAYOUTS, COURT_TYPES } from '../../courts/directory/list.ts';

const SOURCES = ['dataout-2023', 'tochno-st-2024', 'sm-backend-2020', 'sudrfpractice'] as const;

export const CrawlStatusSchema = z.object({
  host: z.string(),
  court_vnkod: z.string().nullable(),
  done: z.number().int(),
  pending: z.number().int(),
  running: z.number().int(),
  failed: z.number().int(),
  last_success_at: z.string().nullable(),
  backoff_until: z.string().nullable(),
  backoff_reason: z.string().nullable(),
  blocked_reason: z.string().nullable(),
  captcha_needed: z.boolean(),
  last_error: z.string().nullable(),
  expected_rows: z.number().int().nullable(),
  rows_found: z.number().int().nullable(),
});

export const CourtSchema = z.object({
  vnkod: z.string().nullable(),
  name: z.string(),
  type: z.enum(COURT_TYPES),
  typeCode: z.enum(['GV', 'OV', 'AV', 'KV']).nullable(),
  regionCode: z.string().nullable().describe('sudrf.ru region code the court is listed under'),
  regionName: z.string().nullable(),
  districtCourt: z.string().nullable().describe('the okrug/fleet court (vnkod) of its appellate district'),
  districtName: z.string().nullable(),
  districtBasis: z.enum(['vnkod-prefix', 'inferred', 'self', 'federal']).nullable(),
  host: z.string().nullable().describe("current form 'slug--region.sudrf.ru'"),
  legacyHost: z.string().nullable().describe("legacy dotted form 'slug.region.sudrf.ru'"),
  layout: z.enum(COURT_LAYOUTS).nullable(),
  layoutSource: z.enum(SOURCES).nullable(),
  captcha: z.boolean().nullable(),
  srv: z.array(z.string()),
  sources: z.array(z.enum(SOURCES)),
  onlyInOldList: z.boolean().describe('only the 2020 list has it: probably closed or merged since'),
});

export const DirectoryCountsSchema = z.object({
  garrison: z.number().int(),
  okrug_fleet: z.number().int(),
  appellate: z.number().int(),
  cassation: z.number().int(),
  total: z.number().int(),
  onlyInOldList: z.number().int(),
  withCaptcha: z.number().int(),
  newLayout: z.number().int(),
});

export const GeneratedFromSchema = z.array(z.object({ source: z.enum(SOURCES), file: z.string(), date: z.string() }));

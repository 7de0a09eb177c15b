import type { Database, Queryable } from '../db/database.ts';
import { ErrorCode } from '../shared/errors.ts';
import { type CaptureSource, storeCapture, type WarcRecordEvidence } from './archive/store.ts';
import { type CaseRecord, storedCard, storedListRow } from './cases/record.ts';
import { upsertCase } from './cases/store.ts';
import { courtForUrl } from './directory/sync.ts';
import type { CourtDirectory } from './directory/types.ts';
import { isParserError, PARSER_ERROR, parsePage } from './parse/page.ts';
import { redactList, redactText } from './parse/redact.ts';
import type { PageKind, ParsedPage } from './parse/types.ts';

export interface IngestInput {
  bytes: Uint8Array;
  url: string;
  retrievedAt: string | null;
  httpStatus: number | null;
  httpHeaders: [string, string][] | null;
  requestHeaders?: [string, string][] | null;
  source: CaptureSource;
  sourceRef: string | null;
  synthetic: boolean;
  /** For an act-text page: the case it belongs to (from the list row that linked it) and the act's title. */
  /** Read from a WARC record: the record as it was (kept byte for byte). */
  record?: WarcRecordEvidence | null;
  /** A revisit record: resolved against the archive (by payload digest) before it is ingested. */
  revisit?: { refersTo: string | null; payloadDigest: string | null } | null;
  forCase?: { caseUid: string | null; caseId: string | null; deloId: string | null; actTitle: string | null } | null;
}

export interface IngestResult {
  captureId: number;
  sha256: string;
  newCapture: boolean;
  kind: PageKind;
  courtVnkod: string | null;
  cases: { created: number; updated: number; unchanged: number; unidentified: number };
  /** Why some of the page could not be stored as cases (no names or page text here). */
  warnings: string[];
  /** The page is archived, but parsing it or storing its cases failed (recorded in ingest_failures); null: no failure. */
  failure: IngestFailure | null;
}

/** Why an archived page gave no cases: a stable code, the database's SQLSTATE if it refused, a fixed reason. */
export interface IngestFailure {
  stage: 'parse' | 'store';
  code: typeof ErrorCode.IngestParse | typeof ErrorCode.IngestStore;
  sqlstate: string | null;
  /** Never page text or names: a fixed phrase, or the error's class and where in otkaz's source it was thrown. */
  reason: string;
}

function header(headers: [string, string][] | null, name: string): string | null {
  return headers?.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
}

/**
 * One page into the system: archive the exact bytes first, then classify and parse, then store the cases
 * it shows — in one transaction, so a failure leaves nothing half-written. When parsing the page or storing
 * its cases fails, only that step is undone: the capture stays, with the failure recorded against it
 * (`result.failure`). It rejects (and nothing is written) when the bytes themselves cannot be archived, or
 * when the failure is not the page's (the database went away, a deadlock).
 */
export async function ingestPage(db: Database, directory: CourtDirectory, input: IngestInput, personKey: string): Promise<IngestResult> {
  const parsed = parseInput(input);
  return db.transaction((tx) => ingestParsed(tx, directory, input, parsed, personKey));
}

/** Classifies and parses a page; never throws (a parser failure becomes an 'unknown' page that says so). */
export function parseInput(input: IngestInput): ParsedPage {
  try {
    return parsePage({ bytes: input.bytes, url: input.url, status: input.httpStatus, contentType: header(input.httpHeaders, 'content-type') });
  } catch (error) {
    return { kind: 'unknown', layout: null, courtVnkod: null, detail: `${PARSER_ERROR}${errorClass(error)}`, synthetic: false };
  }
}

/** SQLSTATE classes that say the record is at fault; any other database error (connection, deadlock…) is not. */
const RECORD_SQLSTATE: Record<string, string> = {
  '22': 'the database rejected a value from the page (data exception)',
  '23': 'a value from the page breaks a database constraint',
  '54': 'a value from the page exceeds a database limit',
};

function sqlstateOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * What to record when storing a page's cases failed, or null when the failure is not the page's (the database
 * went away, a deadlock…): that one propagates. Database messages are not kept: they can quote page values.
 */
export function storeFailure(error: unknown): IngestFailure | null {
  const sqlstate = sqlstateOf(error);
  if (sqlstate !== null) {
    const reason = RECORD_SQLSTATE[sqlstate.slice(0, 2)];
    return reason ? { stage: 'store', code: ErrorCode.IngestStore, sqlstate, reason } : null;
  }
  const frame = error instanceof Error ? /(src\/[\w/.-]+\.ts):(\d+)/.exec(error.stack ?? '') : null;
  return { stage: 'store', code: ErrorCode.IngestStore, sqlstate: null, reason: `${errorClass(error)}${frame ? ` at ${frame[1]}:${frame[2]}` : ''}` };
}

async function recordFailure(tx: Queryable, captureId: number, failure: IngestFailure): Promise<void> {
  await tx.query(
    `insert into ingest_failures (capture_id, stage, code, sqlstate, reason) values ($1, $2, $3, $4, $5)
     on conflict (capture_id, stage, code) do nothing`,
    [captureId, failure.stage, failure.code, failure.sqlstate, failure.reason],
  );
}

/**
 * The same, inside a caller's transaction (the crawler completes its job in the same transaction). The cases
 * are stored under a savepoint, so that a page the database refuses rolls back to just after its capture.
 */
export async function ingestParsed(tx: Queryable, directory: CourtDirectory, input: IngestInput, parsed: ParsedPage, personKey: string): Promise<IngestResult> {
  const { result, synthetic } = await archive(tx, directory, input, parsed);
  if (isParserError(parsed)) {
    result.failure = { stage: 'parse', code: ErrorCode.IngestParse, sqlstate: null, reason: 'the parser failed on this page' };
    await recordFailure(tx, result.captureId, result.failure);
    return result;
  }
  await tx.query('savepoint otkaz_ingest_cases');
  try {
    await storeCases(tx, input, parsed, result.courtVnkod, synthetic, result.captureId, personKey, result);
    await tx.query('release savepoint otkaz_ingest_cases');
  } catch (error) {
    const failure = storeFailure(error);
    if (!failure) throw error;
    await tx.query('rollback to savepoint otkaz_ingest_cases');
    result.cases = { created: 0, updated: 0, unchanged: 0, unidentified: 0 };
    result.warnings = [];
    result.failure = failure;
    await recordFailure(tx, result.captureId, failure);
  }
  return result;
}

/**
 * Only the capture, with a failure recorded against it: for a caller whose own transaction failed after
 * `ingestParsed` (the crawler, when the database refuses what the page links to), so the bytes are kept.
 */
export async function archiveWithFailure(
  tx: Queryable,
  directory: CourtDirectory,
  input: IngestInput,
  parsed: ParsedPage,
  failure: IngestFailure,
): Promise<IngestResult> {
  const { result } = await archive(tx, directory, input, parsed);
  result.failure = failure;
  await recordFailure(tx, result.captureId, failure);
  return result;
}

/** The exact bytes into the evidence archive, with what the parser saw; the result before any case is stored. */
async function archive(
  tx: Queryable,
  directory: CourtDirectory,
  input: IngestInput,
  parsed: ParsedPage,
): Promise<{ result: IngestResult; synthetic: boolean }> {
  const contentType = header(input.httpHeaders, 'content-type');
  const pageCourt = parsed.kind === 'case_card' ? parsed.card.courtVnkod : parsed.kind === 'case_list' ? parsed.list.courtVnkod : parsed.courtVnkod;
  const courtVnkod = pageCourt ?? courtForUrl(directory, input.url);
  // A page generated by otkaz is synthetic whatever the caller says: it can never enter as real data.
  const synthetic = input.synthetic || parsed.synthetic;
  const capture = await storeCapture(tx, {
    bytes: input.bytes,
    url: input.url,
    retrievedAt: input.retrievedAt,
    httpStatus: input.httpStatus,
    httpHeaders: input.httpHeaders,
    requestHeaders: input.requestHeaders ?? null,
    record: input.record ?? null,
    contentType,
    source: input.source,
    sourceRef: input.sourceRef,
    synthetic,
    pageKind: parsed.kind,
    layout: parsed.layout,
    courtVnkod,
  });
  const result: IngestResult = {
    captureId: capture.id,
    sha256: capture.sha256,
    newCapture: capture.created,
    kind: parsed.kind,
    courtVnkod,
    cases: { created: 0, updated: 0, unchanged: 0, unidentified: 0 },
    warnings: [],
    failure: null,
  };
  return { result, synthetic };
}

async function storeCases(
  tx: Queryable,
  input: IngestInput,
  parsed: ParsedPage,
  courtVnkod: string | null,
  synthetic: boolean,
  captureId: number,
  personKey: string,
  result: IngestResult,
): Promise<void> {
  const records: CaseRecord[] = [];
  if (parsed.kind === 'case_card' || parsed.kind === 'case_list' || parsed.kind === 'act_text') {
    if (!courtVnkod) {
      result.warnings.push('court unknown: the page names no court code and its URL is not in the directory');
    } else if (parsed.kind === 'act_text') {
      if (input.forCase) {
        const { actTitle, ...ids } = input.forCase;
        records.push({
          courtVnkod,
          ids: { ...ids, newCode: null },
          card: null,
          list: null,
          fetchedActs: [{ url: input.url, title: actTitle, text: redactText(parsed.text) }],
        });
      }
    } else if (parsed.kind === 'case_card') {
      records.push({ courtVnkod, ids: parsed.card.ids, card: storedCard(parsed.card, personKey), list: null });
    } else {
      for (const row of redactList(parsed.list).rows) records.push({ courtVnkod, ids: row.ids, card: null, list: storedListRow(row) });
    }
  }
  for (const record of records) {
    const upsert = await upsertCase(tx, record, captureId, synthetic);
    result.cases[upsert.status] += 1;
  }
  if (result.cases.unidentified > 0) {
    result.warnings.push(`${result.cases.unidentified} case(s) without the court's own ids (case_id/case_uid or judicial UID): archived, not stored as cases`);
  }
}

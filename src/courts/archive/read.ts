/**
 * Reading the evidence archive: one capture's metadata (URL through publicUrl), its bytes with what the redacted
 * rendering needs, the raw bytes (evidence), and the newest captures (the command line's list, URLs as captured).
 */
import type { Queryable } from '../../db/database.ts';
import { publicUrl } from '../../privacy/urls.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import type { CaseCapture } from '../cases/read.ts';
import type { CaptureMeta } from './redacted.ts';
import { CAPTURE_COLUMNS, type CaptureRow } from './store.ts';

/** A capture's metadata: what a case's captures list shows, and its court. */
export interface CaptureInfo extends CaseCapture {
  court_vnkod: string | null;
}

const notFound = (id: number) => new OtkazError(ErrorCode.InputNotFound, `no capture #${id}`);

/** A capture's metadata; its URL as the public may see it. A capture that does not exist is a coded not-found error. */
export async function captureInfo(db: Queryable, id: number): Promise<CaptureInfo> {
  const [row] = await db.query<CaptureInfo>(
    'select id, url, retrieved_at, ingested_at, http_status, sha256, content_type, source, synthetic, page_kind, layout, court_vnkod from captures where id = $1',
    [id],
  );
  if (!row) throw notFound(id);
  return { ...row, url: publicUrl(row.url) };
}

/** A capture's metadata (URL as captured) and its bytes: what the redacted rendering is made from. */
export async function captureWithBody(db: Queryable, id: number): Promise<{ meta: CaptureMeta; body: Uint8Array }> {
  const [row] = await db.query<CaptureMeta & { body: Uint8Array }>(
    'select p.id, p.url, p.retrieved_at, p.http_status, p.sha256, p.content_type, p.synthetic, b.body from captures p join blobs b on b.sha256 = p.sha256 where p.id = $1',
    [id],
  );
  if (!row) throw notFound(id);
  const { body, ...meta } = row;
  return { meta, body };
}

/** The page exactly as captured (evidence: it holds full names). */
export async function rawCapture(db: Queryable, id: number): Promise<{ body: Uint8Array; content_type: string | null; sha256: string }> {
  const [row] = await db.query<{ body: Uint8Array; content_type: string | null; sha256: string }>(
    'select b.body, p.content_type, p.sha256 from captures p join blobs b on b.sha256 = p.sha256 where p.id = $1',
    [id],
  );
  if (!row) throw notFound(id);
  return row;
}

/** The newest captures, every column (URLs as captured). */
export function listCaptures(db: Queryable, limit: number): Promise<CaptureRow[]> {
  return db.query<CaptureRow>(`select ${CAPTURE_COLUMNS} from captures order by id desc limit $1`, [limit]);
}

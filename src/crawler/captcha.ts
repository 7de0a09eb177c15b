/**
 * The captcha queue. A host that answers a result list with a captcha stops sending lists until a person (or a
 * solver) answers it; its image waits here, and the answer travels with the host's next list requests.
 */
import { type IngestInput, parseInput } from '../courts/ingest.ts';
import { DEFAULT_LAYOUT, LAYOUTS, type Layout } from '../courts/layouts.ts';
import type { ParsedPage } from '../courts/parse/types.ts';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { HttpResponse } from '../shared/http.ts';
import type { CrawlJob } from './job.ts';
import { asciiPreview } from './png-preview.ts';
import { searchFormUrl } from './urls.ts';

export interface PendingCaptcha {
  id: number;
  host: string;
  court_vnkod: string | null;
  captcha_id: string;
  png: Uint8Array | null;
  created_at: string;
}

/** Captchas waiting for an answer, oldest first. */
export async function pendingCaptchas(db: Queryable): Promise<PendingCaptcha[]> {
  return db.query<PendingCaptcha>("select id, host, court_vnkod, captcha_id, png, created_at from captcha_queue where state = 'pending' order by id");
}

/** A terminal preview of a captcha image ('#' for dark pixels); null when the PNG is of a kind it cannot draw. */
export function captchaPreview(png: Uint8Array | null): string | null {
  return png ? asciiPreview(png) : null;
}

/** A person's (or a solver's) answer to a host's captcha: the host's list requests resume with it. */
export async function answerCaptcha(db: Queryable, host: string, captchaId: string, answer: string): Promise<void> {
  await db.query(`update captcha_queue set state = 'answered', answer = $3, answered_at = now() where host = $1 and captcha_id = $2`, [
    host,
    captchaId,
    answer,
  ]);
  await db.query(`update crawl_hosts set captcha_id = $2, captcha_answer = $3 where host = $1`, [host, captchaId, answer]);
}

/** Answers the pending captcha `id` of the queue; a coded not-found error when there is none. */
export async function answerPendingCaptcha(db: Queryable, id: number, answer: string): Promise<{ host: string }> {
  const [row] = await db.query<{ host: string; captcha_id: string }>("select host, captcha_id from captcha_queue where id = $1 and state = 'pending'", [id]);
  if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no pending captcha #${id}`);
  await answerCaptcha(db, row.host, row.captcha_id, answer);
  return { host: row.host };
}

/** A list URL with the host's answered captcha, if it has one (only result lists sit behind a captcha). */
export async function withCaptchaAnswer(db: Queryable, job: CrawlJob): Promise<string> {
  if (job.kind !== 'list') return job.url;
  const [session] = await db.query<{ captcha_id: string | null; captcha_answer: string | null }>(
    'select captcha_id, captcha_answer from crawl_hosts where host = $1',
    [job.host],
  );
  if (!session?.captcha_id || !session.captcha_answer) return job.url;
  return `${job.url}&captcha=${encodeURIComponent(session.captcha_answer)}&captchaid=${encodeURIComponent(session.captcha_id)}`;
}

/** The layout of a court's search form (where a captcha image is fetched when the list page had none). */
function searchFormLayout(layout: string | null | undefined): Layout {
  return LAYOUTS.find((l) => l === layout) ?? DEFAULT_LAYOUT;
}

export interface CaptchaQueueOptions {
  /** Fetches a page (the court's search form, for its captcha image); counts as one of the worker's requests. */
  get: (url: string) => Promise<HttpResponse>;
  now: () => Date;
  /** Solves a captcha image (base64 PNG); absent: the host waits in the human queue. */
  solveCaptcha?: ((host: string, pngBase64: string, captchaId: string) => Promise<string | null>) | undefined;
}

/** Puts the host's captcha in the human queue (fetching the search form for its image), or asks the solver. */
export async function queueCaptcha(db: Queryable, job: CrawlJob, parsed: ParsedPage, options: CaptchaQueueOptions): Promise<void> {
  const [pending] = await db.query<{ id: number }>(`select id from captcha_queue where host = $1 and state = 'pending'`, [job.host]);
  if (pending) return;
  let form = parsed.kind === 'captcha_form' ? parsed.captcha : null;
  if (!form) {
    const [court] = await db.query<{ layout: string | null }>('select layout from courts where vnkod = $1', [job.court_vnkod]);
    const url = searchFormUrl(job.host, searchFormLayout(court?.layout));
    const r = await options.get(url);
    const input: IngestInput = {
      bytes: r.bytes,
      url,
      retrievedAt: options.now().toISOString(),
      httpStatus: r.status,
      httpHeaders: r.headers,
      source: 'crawl',
      sourceRef: 'captcha form',
      synthetic: false,
    };
    const page = parseInput(input);
    form = page.kind === 'captcha_form' ? page.captcha : null;
  }
  if (!form?.captchaId || !form.pngBase64) return;
  await db.query(`insert into captcha_queue (host, court_vnkod, captcha_id, png) values ($1, $2, $3, $4)`, [
    job.host,
    job.court_vnkod,
    form.captchaId,
    Buffer.from(form.pngBase64, 'base64'),
  ]);
  if (!options.solveCaptcha) return;
  const answer = await options.solveCaptcha(job.host, form.pngBase64, form.captchaId);
  if (answer) await answerCaptcha(db, job.host, form.captchaId, answer);
}

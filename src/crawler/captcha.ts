/**
 * The captcha queue. A host that answers a result list with a captcha stops sending lists until a person (or a
 * solver) answers it; its search form is fetched by a job of its own (paced, robots-checked, archived, in the host's
 * session), the image waits here, and the answer travels with the host's next list requests, in the same session.
 */
import type { CaptchaForm } from '../courts/parse/captcha.ts';
import type { ParsedPage } from '../courts/parse/types.ts';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { CrawlJob } from './job.ts';
import { asciiPreview } from './png-preview.ts';

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

/** A person's (or a solver's) answer to a host's captcha: the host's list requests resume with it (and its session). */
export async function answerCaptcha(db: Queryable, host: string, captchaId: string, answer: string): Promise<void> {
  await db.query(`update captcha_queue set state = 'answered', answer = $3, answered_at = now() where host = $1 and captcha_id = $2`, [
    host,
    captchaId,
    answer,
  ]);
  await db.query(`update crawl_hosts set captcha_id = $2, captcha_answer = $3, captcha_needed = false where host = $1`, [host, captchaId, answer]);
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

export interface CaptchaQueueOptions {
  /** Solves a captcha image (base64 PNG); absent: the host waits in the human queue. */
  solveCaptcha?: ((host: string, pngBase64: string, captchaId: string) => Promise<string | null>) | undefined;
}

/**
 * Puts the captcha of a page (the host's search form, fetched by its form job, or a list answered with the form)
 * in the human queue, in the caller's transaction; true when it had one. A captcha still pending for the host is
 * expired: the new image belongs to the session the site just set, the old one's answer would be refused.
 */
export async function queueCaptcha(tx: Queryable, job: CrawlJob, parsed: ParsedPage): Promise<CaptchaForm | null> {
  const form = parsed.kind === 'captcha_form' ? parsed.captcha : null;
  if (!form?.captchaId || !form.pngBase64) return null;
  await tx.query(`update captcha_queue set state = 'expired' where host = $1 and state = 'pending'`, [job.host]);
  await tx.query(`insert into captcha_queue (host, court_vnkod, captcha_id, png) values ($1, $2, $3, $4)`, [
    job.host,
    job.court_vnkod,
    form.captchaId,
    Buffer.from(form.pngBase64, 'base64'),
  ]);
  return form;
}

/** Asks the solver, if there is one, for a queued captcha's answer; an answer reaches the host at once. */
export async function solveQueued(db: Queryable, job: CrawlJob, form: CaptchaForm, options: CaptchaQueueOptions): Promise<void> {
  if (!options.solveCaptcha || !form.captchaId || !form.pngBase64) return;
  const answer = await options.solveCaptcha(job.host, form.pngBase64, form.captchaId);
  if (answer) await answerCaptcha(db, job.host, form.captchaId, answer);
}

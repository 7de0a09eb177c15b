import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config/config.ts';
import { loadDirectory } from '../../courts/directory/load.ts';
import { crawlStatus, jobsWaitingOnCaptcha, releaseStale } from '../../crawler/jobs.ts';
import { DATE_AXES } from '../../crawler/urls.ts';
import { type CrawlEvent, type CrawlerOptions, DEFAULT_CRAWLER, runWorker } from '../../crawler/worker.ts';
import type { Database } from '../../db/database.ts';
import { answerCaptchaOperation, listCaptchasOperation } from '../../operations/crawl/captchas.ts';
import { CRAWL_FROM, planCrawlOperation } from '../../operations/crawl/plan.ts';
import { CRAWL_STATUS_COLUMNS, crawlStatusOperation } from '../../operations/crawl/status.ts';
import { DEFAULT_ARTICLES } from '../../shared/articles.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { userAgent as httpUserAgent } from '../../shared/http.ts';
import { bindCommand } from '../bind.ts';
import { type Context, withContext } from '../context.ts';
import { parseFlags, whole } from '../flags.ts';
import { print, renderTable } from '../output.ts';

/** Months of already crawled windows the command queues again by default. */
const RECENT_MONTHS = 6;

/** How a worker runs (the `crawl` and `worker` commands): checked before anything is planned or opened. */
const WorkerFlags = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. http://127.0.0.1:8099' }).optional(),
  pacing: whole(0),
  concurrency: whole(1, 1000),
  timeout: whole(1),
  dailyCap: whole(1),
  throttleBackoff: whole(0),
  globalRate: whole(0),
  robots: z.boolean(),
});
export type WorkerSettings = z.output<typeof WorkerFlags>;
const WORKER_FLAG_NAMES = {
  baseUrl: '--base-url',
  pacing: '--pacing',
  concurrency: '--concurrency',
  timeout: '--timeout',
  dailyCap: '--daily-cap',
  throttleBackoff: '--throttle-backoff',
  globalRate: '--global-rate',
  robots: '--no-robots',
} as const;

function userAgent(contact: string | undefined, baseUrl: string | undefined): string {
  if (!contact && !baseUrl) {
    throw new OtkazError(ErrorCode.ConfigInvalid, 'a real crawl must name its operator: set OTKAZ_CRAWL_CONTACT (e-mail or URL), sent in the User-Agent');
  }
  return httpUserAgent('research crawler of court case lists', contact ?? 'simulator run');
}

/** The worker's flags, checked, with the User-Agent (a real crawl must name its operator): before any plan or database. */
export function workerSettings(options: Record<string, unknown>): WorkerSettings & { userAgent: string } {
  const flags = parseFlags(WorkerFlags, options, WORKER_FLAG_NAMES);
  return { ...flags, userAgent: userAgent(loadConfig().crawlContact, flags.baseUrl) };
}

function crawlerOptions(ctx: Context, worker: WorkerSettings & { userAgent: string }, onEvent: (e: CrawlEvent) => void, stopWhenIdle: boolean): CrawlerOptions {
  return {
    ...DEFAULT_CRAWLER,
    baseUrl: worker.baseUrl ?? null,
    userAgent: worker.userAgent,
    pacingMs: worker.pacing,
    concurrency: worker.concurrency,
    timeoutMs: worker.timeout,
    dailyCap: worker.dailyCap,
    throttleBackoffMs: worker.throttleBackoff,
    globalPerMinute: worker.globalRate,
    respectRobots: worker.robots,
    personKey: ctx.personKey,
    directory: loadDirectory(),
    stopWhenIdle,
    onEvent,
  };
}

async function runCrawl(
  ctx: Context,
  worker: WorkerSettings & { userAgent: string },
  quiet: boolean,
  stopWhenIdle: boolean,
): Promise<{ requests: number; errors: number }> {
  const p = progress(ctx.db, quiet);
  try {
    return await runWorker(ctx.db, crawlerOptions(ctx, worker, p.onEvent, stopWhenIdle));
  } finally {
    await p.stop(); // the progress timer must stop whatever happened, or the process never exits
  }
}

/** The end-of-run line's captcha part: how many jobs still wait for an answer. */
async function captchaNote(db: Database): Promise<string> {
  const waiting = await jobsWaitingOnCaptcha(db);
  return waiting > 0 ? ` ${waiting} jobs wait for a captcha: answer with \`otkaz captcha\`, then run \`otkaz crawl\` or \`otkaz worker\` again.` : '';
}

const list = (value: unknown) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value);

/** Live progress, redrawn every second on a terminal: overall (pages, rate, ETA, errors) and one bar per court. */
function progress(db: Database, quiet: boolean): { onEvent: (e: CrawlEvent) => void; stop: () => Promise<void> } {
  const started = Date.now();
  let fetched = 0;
  let errors = 0;
  let drawn = 0;
  const notes: string[] = [];
  const bar = (done: number, total: number, width: number) => '#'.repeat(Math.round((width * done) / Math.max(1, total))).padEnd(width, '.');
  const render = async (): Promise<string[]> => {
    const rows = await crawlStatus(db);
    const done = rows.reduce((s, r) => s + r.done, 0);
    const left = rows.reduce((s, r) => s + r.pending + r.running, 0);
    const rate = fetched / Math.max(1 / 60, (Date.now() - started) / 60000);
    const eta = rate > 0 ? Math.round(left / rate) : null;
    const lines = [
      `[${bar(done, done + left, 24)}] ${done}/${done + left} pages  ${rate.toFixed(0)}/min  ETA ${eta === null ? '?' : `${eta} min`}  errors ${errors}`,
    ];
    for (const r of rows) {
      const state = r.blocked_reason
        ? `BLOCKED: ${r.blocked_reason.split(':')[0]}`
        : r.captcha_needed
          ? 'waiting for a captcha (otkaz captcha)'
          : r.backoff_until && Date.parse(r.backoff_until) > Date.now()
            ? `backing off until ${r.backoff_until.slice(11, 19)} (${r.backoff_reason ?? ''})`
            : r.failed
              ? `${r.failed} failed`
              : '';
      lines.push(
        `  ${r.host.padEnd(32)} [${bar(r.done, r.done + r.pending + r.running, 16)}] ${String(r.done).padStart(5)}/${String(r.done + r.pending + r.running).padEnd(5)} ${state}`,
      );
    }
    return lines;
  };
  const tick = async (final = false) => {
    const lines = await render();
    if (process.stdout.isTTY) {
      // Erase the previous block, print new notes above it, redraw it.
      if (drawn > 0) process.stdout.write(`\x1b[${drawn}A\x1b[J`);
      for (const note of notes.splice(0)) print(note);
      process.stdout.write(`${lines.join('\n')}\n`);
      drawn = lines.length;
      return;
    }
    for (const note of notes.splice(0)) print(note);
    print(final ? lines.join('\n') : (lines[0] ?? ''));
  };
  const timer = quiet ? null : setInterval(() => void tick().catch(() => undefined), process.stdout.isTTY ? 1000 : 10000);
  return {
    onEvent: (e) => {
      if (e.type === 'fetched') fetched += 1;
      if (e.type === 'error') errors += 1;
      if (e.type === 'blocked') notes.push(`${e.host}: stopped — ${e.reason}`);
      if (e.type === 'captcha') notes.push(`${e.host}: needs a captcha — run \`otkaz captcha\``);
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      if (!quiet) await tick(true).catch(() => undefined);
    },
  };
}

export function addCrawlOptions(command: Command): Command {
  return command
    .option('--base-url <url>', 'send every request to this base instead (the simulator: http://127.0.0.1:8099)')
    .option('--pacing <ms>', 'at least this long between two requests to one host', '3000')
    .option('--concurrency <n>', 'requests in flight at once, across hosts (never two to one host)', '16')
    .option('--timeout <ms>', 'give up waiting for an answer after', '120000')
    .option('--daily-cap <n>', 'at most this many requests per court per day', '5000')
    .option('--global-rate <n>', 'at most this many requests per minute across all courts', '1200')
    .option('--throttle-backoff <ms>', 'rest a host this long after its throttle page', String(30 * 60_000))
    .option('--no-robots', 'do not read robots.txt (tests only)');
}

export function registerCrawl(program: Command): void {
  const crawl = addCrawlOptions(
    program
      .command('crawl')
      .description('plan a crawl (courts × articles × months) and run it politely until done; progress per second')
      .option('--plan-only', 'add the plan, do not run it')
      .option('--quiet', 'no progress output')
      // `crawl status --json`: the subcommand's own --json, not the plan's.
      .enablePositionalOptions(),
  );
  // The worker's flags are checked before the plan is made (a bad --pacing must not leave a plan behind), the
  // plan is the crawl.plan operation, and the worker runs after it unless --plan-only.
  let worker: (WorkerSettings & { userAgent: string }) | null = null;
  crawl.hook('preAction', (_crawl, action) => {
    if (action !== crawl) return;
    // --plan-only runs no worker (and needs no contact), but a bad worker flag is still refused, not ignored.
    if (crawl.opts().planOnly === true) parseFlags(WorkerFlags, crawl.opts(), WORKER_FLAG_NAMES);
    else worker = workerSettings(crawl.opts());
  });
  bindCommand(crawl, planCrawlOperation, {
    flags: {
      courts: ['--courts <vnkods>', 'comma-separated court codes (default: every current garrison court)'],
      limit: ['--limit <n>', 'only the first N of those courts'],
      articles: ['--articles <list>', `criminal-code articles (default ${DEFAULT_ARTICLES.join(',')})`],
      from: ['--from <date>', `first receipt date YYYY-MM-DD (default ${CRAWL_FROM})`],
      to: ['--to <date>', 'last receipt date YYYY-MM-DD (default: today, in UTC)'],
      axis: ['--axis <axis>', `date axis: ${DATE_AXES.join(' | ')} (default receipt)`],
      recent: ['--recent <months>', `re-crawl windows of the last N months that were already done (default ${RECENT_MONTHS})`],
    },
    // A command run again and again re-crawls the recent months unless told otherwise; the API plans only what is asked.
    map: (raw) => ({
      recent: String(RECENT_MONTHS),
      ...raw,
      ...(raw.courts !== undefined ? { courts: list(raw.courts) } : {}),
      ...(raw.articles !== undefined ? { articles: list(raw.articles) } : {}),
    }),
    text: (plan) =>
      `plan: ${plan.courts} courts × ${plan.articles} articles × months ${plan.from}…${plan.to}: ${plan.created} new list jobs, ${plan.refreshed} recent windows queued again`,
  });
  crawl.hook('postAction', async (_crawl, action) => {
    if (action !== crawl || !worker) return;
    const settings = worker;
    await withContext(async (ctx) => {
      await releaseStale(ctx.db, null);
      const stats = await runCrawl(ctx, settings, crawl.opts().quiet === true, true);
      print(`crawl finished: ${stats.requests} requests, ${stats.errors} errors.${await captchaNote(ctx.db)} \`otkaz crawl status\` shows every court.`);
    });
  });
  bindCommand(
    crawl.command('status').description('per court: jobs done and pending, last success, back-off, block reason, captcha needed, counters vs rows read'),
    crawlStatusOperation,
    {
      text: (rows) => renderTable([...CRAWL_STATUS_COLUMNS], rows),
    },
  );
  addCrawlOptions(
    program
      .command('worker')
      .description('run crawl jobs from the database (start one on each machine sharing a PostgreSQL)')
      .option('--until-idle', 'stop when no job can run')
      .option('--quiet', 'no progress output'),
  ).action(async (flags: Record<string, unknown>) => {
    const settings = workerSettings(flags);
    await withContext(async (ctx) => {
      const stale = new Date(Date.now() - Math.max(10 * 60_000, 2 * settings.timeout));
      await releaseStale(ctx.db, ctx.db.engine === 'pglite' ? null : stale);
      const stats = await runCrawl(ctx, settings, flags.quiet === true, flags.untilIdle === true);
      print(`worker stopped: ${stats.requests} requests, ${stats.errors} errors.${await captchaNote(ctx.db)}`);
    });
  });
  const captcha = program
    .command('captcha')
    .description('the human captcha queue: show pending images (PNG file and terminal preview; --json: the images as base64)')
    .option('--out <dir>', 'where to save the PNG images', 'captcha')
    .enablePositionalOptions();
  bindCommand(captcha, listCaptchasOperation, {
    text: (rows) => {
      if (rows.length === 0) return 'no captcha waits for an answer';
      const dir = String(captcha.opts().out);
      mkdirSync(dir, { recursive: true });
      return rows
        .map((c) => {
          const file = path.join(dir, `captcha-${c.id}.png`);
          writeFileSync(file, c.png ? Buffer.from(c.png, 'base64') : new Uint8Array());
          return `#${c.id} ${c.host} (${c.created_at}) — ${file}\n${c.preview ?? '(no preview)'}\nanswer with: ./otkaz captcha answer ${c.id} <digits>\n`;
        })
        .join('\n');
    },
  });
  bindCommand(captcha.command('answer <id> <answer>').description("answer a pending captcha; that court's crawl resumes with it"), answerCaptchaOperation, {
    args: ['id', 'answer'],
    text: (r) => `answered; ${r.host} resumes at the next \`otkaz crawl\` or \`otkaz worker\``,
  });
}

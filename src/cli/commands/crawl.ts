import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadDirectory } from '../../courts/directory/load.ts';
import { syncCourts } from '../../courts/directory/sync.ts';
import { crawlStatus, planCrawl, releaseStale } from '../../crawler/jobs.ts';
import { DEFAULT_ARTICLES } from '../../crawler/plan.ts';
import type { DateAxis } from '../../crawler/urls.ts';
import { answerPendingCaptcha, captchaPreview, pendingCaptchas } from '../../crawler/captcha.ts';
import { type CrawlEvent, type CrawlerOptions, DEFAULT_CRAWLER, runWorker } from '../../crawler/worker.ts';
import type { Database } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { type Context, withContext } from '../context.ts';
import { formatFrom, print, renderCsv, renderTable } from '../output.ts';

interface CrawlFlags {
  baseUrl?: string;
  courts?: string;
  limit?: string;
  articles: string;
  from: string;
  to?: string;
  axis: string;
  recent: string;
  pacing: string;
  concurrency: string;
  timeout: string;
  dailyCap: string;
  throttleBackoff: string;
  globalRate: string;
  robots: boolean;
  planOnly?: boolean;
  quiet?: boolean;
}

function userAgent(ctx: Context, baseUrl: string | undefined): string {
  const contact = ctx.config.crawlContact;
  if (!contact && !baseUrl) {
    throw new OtkazError(ErrorCode.ConfigInvalid, 'a real crawl must name its operator: set OTKAZ_CRAWL_CONTACT (e-mail or URL), sent in the User-Agent');
  }
  return `otkaz/0.1 (research crawler of court case lists; contact: ${contact ?? 'simulator run'})`;
}

function crawlerOptions(ctx: Context, flags: CrawlFlags, onEvent: (e: CrawlEvent) => void, stopWhenIdle: boolean): CrawlerOptions {
  return {
    ...DEFAULT_CRAWLER,
    baseUrl: flags.baseUrl ?? null,
    userAgent: userAgent(ctx, flags.baseUrl),
    pacingMs: Number(flags.pacing),
    concurrency: Number(flags.concurrency),
    timeoutMs: Number(flags.timeout),
    dailyCap: Number(flags.dailyCap),
    throttleBackoffMs: Number(flags.throttleBackoff),
    globalPerMinute: Number(flags.globalRate),
    respectRobots: flags.robots,
    personKey: ctx.personKey,
    directory: loadDirectory(),
    stopWhenIdle,
    onEvent,
  };
}

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
    const lines = [`[${bar(done, done + left, 24)}] ${done}/${done + left} pages  ${rate.toFixed(0)}/min  ETA ${eta === null ? '?' : `${eta} min`}  errors ${errors}`];
    for (const r of rows) {
      const state = r.blocked_reason ? `BLOCKED: ${r.blocked_reason.split(':')[0]}` : r.captcha_needed ? 'waiting for a captcha (otkaz captcha)' : r.backoff_until && Date.parse(r.backoff_until) > Date.now() ? `backing off until ${r.backoff_until.slice(11, 19)} (${r.backoff_reason ?? ''})` : r.failed ? `${r.failed} failed` : '';
      lines.push(`  ${r.host.padEnd(32)} [${bar(r.done, r.done + r.pending + r.running, 16)}] ${String(r.done).padStart(5)}/${String(r.done + r.pending + r.running).padEnd(5)} ${state}`);
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

function addCrawlOptions(command: Command): Command {
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
      .option('--courts <vnkods>', 'comma-separated court codes (default: every current garrison court)')
      .option('--limit <n>', 'only the first N of those courts')
      .option('--articles <list>', 'criminal-code articles', DEFAULT_ARTICLES.join(','))
      .option('--from <date>', 'first receipt date (YYYY-MM-DD)', '2022-09-01')
      .option('--to <date>', 'last receipt date (default: today)')
      .option('--axis <axis>', 'date axis: receipt | decision | publication | validity', 'receipt')
      .option('--recent <months>', 're-crawl windows of the last N months that were already done', '6')
      .option('--plan-only', 'add the plan, do not run it')
      .option('--quiet', 'no progress output'),
  ).action(async (flags: CrawlFlags) => {
    await withContext(async (ctx) => {
      const directory = loadDirectory();
      await syncCourts(ctx.db, directory);
      const wanted = flags.courts?.split(',').map((c) => c.trim());
      const courts = directory.courts
        .filter((c) => c.vnkod && c.host && !c.onlyInOldList && (wanted ? wanted.includes(c.vnkod) : c.type === 'garrison'))
        .slice(0, flags.limit ? Number(flags.limit) : undefined)
        .map((c) => ({ vnkod: c.vnkod as string, host: c.host as string, layout: c.layout ?? ('classic' as const) }));
      if (courts.length === 0) throw new OtkazError(ErrorCode.Usage, 'no court matches', { where: '--courts' });
      const to = flags.to ?? new Date().toISOString().slice(0, 10);
      const since = new Date(Date.parse(`${to}T00:00:00Z`));
      since.setUTCMonth(since.getUTCMonth() - Number(flags.recent));
      const plan = await planCrawl(ctx.db, { courts, articles: flags.articles.split(','), from: flags.from, to, axis: flags.axis as DateAxis, refreshSince: Number(flags.recent) > 0 ? since.toISOString().slice(0, 10) : null });
      print(`plan: ${courts.length} courts × ${flags.articles.split(',').length} articles × months ${flags.from}…${to}: ${plan.created} new list jobs, ${plan.refreshed} recent windows queued again`);
      if (flags.planOnly) return;
      await releaseStale(ctx.db, null);
      const p = progress(ctx.db, flags.quiet === true);
      const stats = await runWorker(ctx.db, crawlerOptions(ctx, flags, p.onEvent, true));
      await p.stop();
      print(`crawl finished: ${stats.requests} requests, ${stats.errors} errors. \`otkaz crawl status\` shows every court.`);
    });
  });
  crawl
    .command('status')
    .description('per court: jobs done and pending, last success, back-off, block reason, captcha needed, counters vs rows read')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (flags: { json?: boolean; csv?: boolean; bom?: boolean }) => {
      await withContext(async ({ db }) => {
        const rows = await crawlStatus(db);
        const columns = ['host', 'court_vnkod', 'done', 'pending', 'running', 'failed', 'last_success_at', 'backoff_until', 'blocked_reason', 'captcha_needed', 'expected_rows', 'rows_found', 'last_error'];
        const format = formatFrom(flags);
        if (format === 'json') print(JSON.stringify(rows, null, 2));
        else if (format === 'csv') print(renderCsv(columns, rows, { bom: flags.bom === true }));
        else print(renderTable(columns, rows));
      });
    });
  addCrawlOptions(
    program
      .command('worker')
      .description('run crawl jobs from the database (start one on each machine sharing a PostgreSQL)')
      .option('--until-idle', 'stop when no job can run'),
  ).action(async (flags: CrawlFlags & { untilIdle?: boolean }) => {
    await withContext(async (ctx) => {
      const stale = new Date(Date.now() - Math.max(10 * 60_000, 2 * Number(flags.timeout)));
      await releaseStale(ctx.db, ctx.db.engine === 'pglite' ? null : stale);
      const p = progress(ctx.db, false);
      const stats = await runWorker(ctx.db, crawlerOptions(ctx, flags, p.onEvent, flags.untilIdle === true));
      await p.stop();
      print(`worker stopped: ${stats.requests} requests, ${stats.errors} errors`);
    });
  });
  const captcha = program
    .command('captcha')
    .description('the human captcha queue: show pending images (PNG file and terminal preview)')
    .option('--out <dir>', 'where to save the PNG images', 'captcha')
    .option('--json', 'machine-readable output')
    .action(async (flags: { out: string; json?: boolean }) => {
      await withContext(async ({ db }) => {
        const rows = await pendingCaptchas(db);
        mkdirSync(flags.out, { recursive: true });
        const out = rows.map((r) => {
          const file = path.join(flags.out, `captcha-${r.id}.png`);
          writeFileSync(file, r.png ?? new Uint8Array());
          return { id: r.id, host: r.host, file, created_at: r.created_at, preview: captchaPreview(r.png) };
        });
        if (flags.json) return print(JSON.stringify(out, null, 2));
        if (out.length === 0) return print('no captcha waits for an answer');
        for (const c of out) print(`#${c.id} ${c.host} (${c.created_at}) — ${c.file}\n${c.preview ?? '(no preview)'}\nanswer with: ./otkaz captcha answer ${c.id} <digits>\n`);
      });
    });
  captcha
    .command('answer <id> <answer>')
    .description('answer a pending captcha; that court\'s crawl resumes with it')
    .action(async (id: string, answer: string) => {
      await withContext(async ({ db }) => {
        const row = await answerPendingCaptcha(db, Number(id), answer.trim());
        print(`answered; ${row.host} resumes at the next \`otkaz crawl\` or \`otkaz worker\``);
      });
    });
}

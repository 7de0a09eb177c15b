/**
 * The deletion watch on the command line: `watch run` queues the due card (and list) visits, runs a worker over them
 * within the crawler's politeness and reads the answers; `watch plan` and `watch classify` are its two steps alone;
 * `watch list` and `watch feed` show what it saw (JSON/CSV; Atom).
 */
import type { Command } from 'commander';
import { loadDirectory } from '../../courts/directory/load.ts';
import { renderAtom } from '../../courts/watch/atom.ts';
import { releaseStale } from '../../crawler/jobs.ts';
import { DEFAULT_CRAWLER, runWorker } from '../../crawler/worker.ts';
import { watchEventsOperation } from '../../operations/watch/events.ts';
import { watchFeedOperation } from '../../operations/watch/feed.ts';
import { WATCH_EVERY_DAYS, watchClassifyOperation, watchPlanOperation } from '../../operations/watch/run.ts';
import { WATCH_EVENT_COLUMNS } from '../../operations/watch/schemas.ts';
import { parseInput } from '../../ops/operation.ts';
import { bindCommand } from '../bind.ts';
import { print, renderTable } from '../output.ts';
import { addCrawlOptions, type WorkerSettings, workerSettings } from './crawl.ts';

const SCOPE_FLAGS = {
  court: ['--court <vnkods>', 'watched courts: court codes, comma-separated (default: every known case)'],
  case: ['--case <ids>', 'watched cases: case ids, comma-separated'],
} as const;

const PLAN_FLAGS = {
  ...SCOPE_FLAGS,
  every: ['--every <days>', `visit a card again when its last visit is older than this (default ${WATCH_EVERY_DAYS}; 0: now)`],
  lists: ['--lists <bool>', "also the watched courts' result lists: true | false (default true)"],
} as const;

const classified = (r: { checked: number; present: number; removed: number; restored: number; inconclusive: number }) =>
  `watch: ${r.checked} cases read — ${r.present} on the court site, ${r.removed} newly removed from the court site, ${r.restored} back on it, ${r.inconclusive} without a conclusive answer. \`otkaz watch list\` shows the events.`;

export function registerWatch(program: Command): void {
  const watch = program.command('watch').description('the deletion watch: known case cards visited again; removals from court sites and changes');

  // `watch run`: plan → worker → classify. The worker's flags (and the contact a real crawl needs) are checked first.
  const run = addCrawlOptions(
    watch
      .command('run')
      .description("visit the due known cards (and their courts' lists) politely, then record removals and restorations")
      .option('--every <days>', `visit a card again when its last visit is older than this (default ${WATCH_EVERY_DAYS}; 0: now)`)
      .option('--lists <bool>', "also the watched courts' result lists: true | false (default true)")
      .option('--quiet', 'no progress output'),
  );
  let worker: (WorkerSettings & { userAgent: string }) | null = null;
  let plan: Record<string, unknown> = {};
  run.hook('preAction', () => {
    const options = run.opts();
    worker = workerSettings(options);
    plan = Object.fromEntries(
      Object.entries({ court: options.court, case: options.case, every: options.every, lists: options.lists }).filter(([, v]) => v !== undefined),
    );
    // A bad --every or --lists is refused before anything is queued.
    parseInput(watchPlanOperation, plan, (path) => PLAN_FLAGS[String(path[0]) as keyof typeof PLAN_FLAGS]?.[0].split(' ')[0] ?? String(path[0]));
  });
  bindCommand(run, watchClassifyOperation, {
    flags: SCOPE_FLAGS,
    prepare: async (ctx) => {
      const settings = worker;
      if (!settings) return;
      const input = parseInput(watchPlanOperation, plan, (path) => String(path[0]));
      const planned = await watchPlanOperation.run(ctx, input);
      if (run.opts().quiet !== true) print(`watch: ${planned.cards} cards and ${planned.lists} list pages queued`);
      // Jobs a dead worker left running: all of them on the embedded database (one process), only old ones on a shared one.
      await releaseStale(ctx.db, ctx.db.engine === 'pglite' ? null : new Date(Date.now() - Math.max(10 * 60_000, 2 * settings.timeout)));
      const stats = await runWorker(ctx.db, {
        ...DEFAULT_CRAWLER,
        baseUrl: settings.baseUrl ?? null,
        userAgent: settings.userAgent,
        pacingMs: settings.pacing,
        concurrency: settings.concurrency,
        timeoutMs: settings.timeout,
        dailyCap: settings.dailyCap,
        throttleBackoffMs: settings.throttleBackoff,
        globalPerMinute: settings.globalRate,
        respectRobots: settings.robots,
        personKey: ctx.personKey,
        directory: loadDirectory(),
        stopWhenIdle: true,
      });
      if (run.opts().quiet !== true) print(`watch: ${stats.requests} requests, ${stats.errors} errors`);
    },
    text: classified,
  });

  bindCommand(
    watch.command('plan').description("queue the due visits of known cards (and their courts' lists); `otkaz worker` runs them"),
    watchPlanOperation,
    {
      flags: PLAN_FLAGS,
      text: (p) => `watch: ${p.cards} cards and ${p.lists} list pages queued; run \`otkaz worker --until-idle\`, then \`otkaz watch classify\``,
    },
  );
  bindCommand(
    watch.command('classify').description('read the latest answers of the watched cards and lists: removals and restorations'),
    watchClassifyOperation,
    {
      flags: SCOPE_FLAGS,
      text: classified,
    },
  );
  bindCommand(watch.command('list').description('removals from court sites, restorations and card changes, newest first'), watchEventsOperation, {
    flags: {
      ...SCOPE_FLAGS,
      kind: ['--kind <kinds>', 'only these kinds, comma-separated: removed, restored, changed'],
      since: ['--since <date>', 'only events observed on or after this day (YYYY-MM-DD)'],
      limit: ['--limit <n>', 'at most this many (default 100)'],
    },
    text: (rows) =>
      rows.length === 0
        ? 'the watch has seen no removal or change (yet)'
        : renderTable(
            [...WATCH_EVENT_COLUMNS].filter((c) => c !== 'synthetic' && c !== 'key'),
            rows.map((r) => ({ ...r, case_number: `${r.case_number ?? ''}${r.synthetic ? ' (SYNTHETIC)' : ''}` })),
          ),
  });
  const feed = watch.command('feed').description('the events as an Atom 1.0 feed (what GET /api/v1/watch/feed.atom serves)');
  feed.option('--origin <url>', 'the server the links point at', 'http://127.0.0.1:8080');
  bindCommand(feed, watchFeedOperation, {
    flags: { ...SCOPE_FLAGS, lang: ['--lang <lang>', 'en | ru (default en)'], limit: ['--limit <n>', 'at most this many entries (default 100)'] },
    text: (f) => {
      const origin = String(feed.opts().origin).replace(/\/+$/, '');
      return renderAtom(f, origin, `${origin}/api/v1/watch/feed.atom`).trimEnd();
    },
  });
}

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config/config.ts';
import { sha256Hex } from '../../courts/archive/store.ts';
import { captureRecords, warcInfoRecord } from '../../courts/archive/warc.ts';
import { loadDirectory } from '../../courts/directory/load.ts';
import { garrisonCourts } from '../../courts/directory/select.ts';
import { syncCourts } from '../../courts/directory/sync.ts';
import { generateCases } from '../../courts/synthetic/generate.ts';
import { type LayoutMode, syntheticPages } from '../../courts/synthetic/pages.ts';
import { planCrawl } from '../../crawler/jobs.ts';
import { DEFAULT_ARTICLES } from '../../crawler/plan.ts';
import { CourtSimulator, NO_TRAPS } from '../../crawler/simulator/server.ts';
import { World } from '../../crawler/simulator/world.ts';
import { DEFAULT_CRAWLER, runWorker } from '../../crawler/worker.ts';
import { serveUntilStopped } from '../../server/main.ts';
import { startServer } from '../../server/server.ts';
import { isoDate } from '../../shared/validation.ts';
import { withContext } from '../context.ts';
import { parseFlags, whole } from '../flags.ts';
import { print } from '../output.ts';

const GenerateFlags = z
  .object({
    out: z.string().min(1),
    count: whole(1, 1_000_000),
    seed: whole(0),
    from: isoDate,
    to: isoDate,
    layout: z.enum(['classic', 'new', 'directory'] satisfies LayoutMode[]),
    courts: whole(1),
  })
  .refine((f) => f.from <= f.to, { message: 'the first receipt date must not be after the last', path: ['to'] });

export function registerDemo(program: Command): void {
  const demo = program
    .command('demo')
    .description('offline demo: start the court-site simulator, crawl it, then serve the app — all data SYNTHETIC and marked so')
    .option('--courts <n>', 'simulated garrison courts', '6')
    .option('--cases-per-court <n>', 'synthetic cases per court', '80')
    .option('--no-serve', 'stop after the crawl')
    .action(async (options: { courts: string; casesPerCourt: string; serve: boolean }) => {
      const flags = parseFlags(z.object({ courts: whole(1), casesPerCourt: whole(1) }), options, { courts: '--courts', casesPerCourt: '--cases-per-court' });
      const directory = loadDirectory();
      const courts = garrisonCourts(directory, { limit: flags.courts, withoutCaptcha: true });
      const world = new World({ seed: 1, casesPerCourt: flags.casesPerCourt, from: '2023-01-01', to: '2025-12-31', courts });
      const simulator = new CourtSimulator(world, NO_TRAPS);
      const base = await simulator.listen();
      print(`simulated ${courts.length} court sites at ${base} (SYNTHETIC data); crawling them…`);
      await withContext(async (ctx) => {
        await syncCourts(ctx.db, directory);
        await planCrawl(ctx.db, { courts, articles: DEFAULT_ARTICLES, from: '2023-01-01', to: '2025-12-31' });
        const stats = await runWorker(ctx.db, {
          ...DEFAULT_CRAWLER,
          baseUrl: base,
          userAgent: 'otkaz demo (simulator)',
          pacingMs: 20,
          concurrency: courts.length,
          respectRobots: false,
          personKey: ctx.personKey,
          directory,
        });
        const [row] = await ctx.db.query<{ n: number }>('select count(*)::int as n from cases where synthetic');
        print(`crawled: ${stats.requests} requests, ${row?.n ?? 0} SYNTHETIC cases stored (the simulator holds ${world.totals().cases})`);
      });
      await simulator.close();
      if (options.serve) {
        const status = await serveUntilStopped(() => startServer(loadConfig()));
        if (status !== 0) process.exitCode = status;
      }
    });
  demo
    .command('generate')
    .description('write synthetic garrison-court pages (cards and result lists, windows-1251) as a WARC file to ingest')
    .requiredOption('--out <file>', 'WARC file to write')
    .option('--count <n>', 'number of cases', '500')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--from <date>', 'first receipt date', '2022-10-01')
    .option('--to <date>', 'last receipt date', '2025-12-31')
    .option('--layout <mode>', 'classic | new | directory (each court its own layout)', 'directory')
    .option('--courts <n>', 'spread over this many garrison courts', '20')
    .action(async (options: { out: string; count: string; seed: string; from: string; to: string; layout: string; courts: string }) => {
      const flags = parseFlags(GenerateFlags, options, {
        out: '--out',
        count: '--count',
        seed: '--seed',
        from: '--from',
        to: '--to',
        layout: '--layout',
        courts: '--courts',
      });
      const directory = loadDirectory();
      const courts = garrisonCourts(directory, { limit: flags.courts }).map((c) => c.vnkod);
      const cases = generateCases({ seed: flags.seed, count: flags.count, courts, from: flags.from, to: flags.to });
      const pages = syntheticPages(cases, directory, flags.layout);
      const stream = createWriteStream(options.out);
      const write = async (chunk: Uint8Array) => {
        if (!stream.write(chunk)) await once(stream, 'drain');
      };
      await write(await warcInfoRecord('otkaz 0.1 (synthetic demo data)', path.basename(options.out)));
      const now = new Date().toISOString();
      for (const [i, page] of pages.entries()) {
        const headers: [string, string][] = [['Content-Type', 'text/html; charset=windows-1251']];
        const row = {
          id: i + 1,
          url: page.url,
          retrieved_at: now,
          ingested_at: now,
          http_status: 200,
          http_headers: headers,
          request_headers: null,
          sha256: sha256Hex(page.bytes),
          content_type: headers[0]?.[1] ?? null,
          source: 'synthetic' as const,
          source_ref: 'otkaz demo generate',
          synthetic: true,
          page_kind: page.kind,
          layout: null,
          court_vnkod: null,
        };
        for (const record of await captureRecords(row, page.bytes)) await write(record);
      }
      stream.end();
      await once(stream, 'finish');
      print(
        `wrote ${pages.length} SYNTHETIC pages (${cases.length} invented cases in ${courts.length} courts) to ${options.out}; load them with: ./otkaz ingest ${options.out}`,
      );
    });
}

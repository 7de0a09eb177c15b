import type { Command } from 'commander';
import { z } from 'zod';
import { loadDirectory } from '../../courts/directory/load.ts';
import { garrisonCourts } from '../../courts/directory/select.ts';
import { CourtSimulator, NO_TRAPS, type Traps } from '../../crawler/simulator/server.ts';
import { World } from '../../crawler/simulator/world.ts';
import { msRange, parseFlags, whole } from '../flags.ts';
import { print } from '../output.ts';

const SimulateFlags = z.object({
  courts: whole(1),
  casesPerCourt: whole(0),
  seed: whole(0),
  host: z.string().min(1),
  port: whole(0, 65535),
  latency: msRange,
  rateLimitEvery: whole(0).default(0),
  throttleEvery: whole(0).default(0),
  phpErrorEvery: whole(0).default(0),
  dropEvery: whole(0).default(0),
});

export function registerSimulate(program: Command): void {
  program
    .command('simulate-courts')
    .description("serve SYNTHETIC sudrf court sites of both layouts on loopback: the crawler's test bed and an offline demo")
    .option('--courts <n>', 'how many garrison courts from the directory (their real hosts, layouts and captcha flags)', '10')
    .option('--cases-per-court <n>', 'synthetic cases per court', '120')
    .option('--seed <n>', 'random seed', '1')
    .option('--host <host>', 'listen address (loopback only by default)', '127.0.0.1')
    .option('--port <n>', 'port (0: any free port)', '8099')
    .option('--latency <ms>', 'response latency range, e.g. 200-2000', '0-0')
    .option('--rate-limit-every <n>', 'every Nth request to a host answers 429 with Retry-After')
    .option('--throttle-every <n>', 'every Nth request to a host answers the throttle page')
    .option('--php-error-every <n>', 'every Nth request to a host answers a PHP error page')
    .option('--drop-every <n>', 'every Nth request to a host has its connection dropped')
    .option('--waf', 'refuse requests without a proper User-Agent (403)')
    .option('--geo-block <host...>', 'hosts that answer with the geo-block page')
    .option('--changing', 'pending cases get a verdict from the second visit of their card on')
    .option('--no-captcha', 'do not require captchas on captcha courts')
    .option('--json', 'print the address and the ground-truth totals as JSON')
    .action(async (options: Record<string, unknown>) => {
      const flags = parseFlags(SimulateFlags, options, {
        courts: '--courts',
        casesPerCourt: '--cases-per-court',
        seed: '--seed',
        host: '--host',
        port: '--port',
        latency: '--latency',
        rateLimitEvery: '--rate-limit-every',
        throttleEvery: '--throttle-every',
        phpErrorEvery: '--php-error-every',
        dropEvery: '--drop-every',
      });
      const traps: Traps = {
        ...NO_TRAPS,
        latencyMs: flags.latency,
        rateLimitEvery: flags.rateLimitEvery,
        throttleEvery: flags.throttleEvery,
        phpErrorEvery: flags.phpErrorEvery,
        dropEvery: flags.dropEvery,
        wafWithoutUserAgent: options.waf === true,
        geoBlocked: (options.geoBlock as string[] | undefined) ?? [],
        captcha: options.captcha !== false,
        changing: options.changing === true,
      };
      const courts = garrisonCourts(loadDirectory(), { limit: flags.courts });
      const world = new World({ seed: flags.seed, casesPerCourt: flags.casesPerCourt, from: '2022-10-01', to: '2025-12-31', courts });
      const simulator = new CourtSimulator(world, traps);
      const base = await simulator.listen(flags.port, flags.host);
      const totals = world.totals();
      if (options.json) print(JSON.stringify({ base, courts: courts.map((c) => c.host), totals }, null, 2));
      else {
        print(`SYNTHETIC court sites at ${base}/<host>/modules.php… (or Host: <host>) — invented data, for tests and demos`);
        print(`${courts.length} courts, ${totals.cases} cases; by article: ${JSON.stringify(totals.byArticle)}`);
        print(`hosts: ${courts.map((c) => `${c.host}${c.captcha ? ' (captcha)' : ''}`).join(', ')}`);
      }
      await new Promise<void>(() => undefined);
    });
}

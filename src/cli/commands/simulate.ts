import type { Command } from 'commander';
import { garrisonCourts } from '../../courts/directory/select.ts';
import { loadDirectory } from '../../courts/directory/load.ts';
import { CourtSimulator, NO_TRAPS, type Traps } from '../../crawler/simulator/server.ts';
import { World } from '../../crawler/simulator/world.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { print } from '../output.ts';

function every(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new OtkazError(ErrorCode.Usage, `expected a whole number, got "${value}"`, { where: flag });
  return n;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate-courts')
    .description('serve SYNTHETIC sudrf court sites of both layouts on loopback: the crawler\'s test bed and an offline demo')
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
    .action(async (options: Record<string, string | boolean | string[] | undefined>) => {
      const [min, max] = String(options.latency).split('-').map(Number);
      const traps: Traps = {
        ...NO_TRAPS,
        latencyMs: [min ?? 0, max ?? min ?? 0],
        rateLimitEvery: every(options.rateLimitEvery as string | undefined, '--rate-limit-every'),
        throttleEvery: every(options.throttleEvery as string | undefined, '--throttle-every'),
        phpErrorEvery: every(options.phpErrorEvery as string | undefined, '--php-error-every'),
        dropEvery: every(options.dropEvery as string | undefined, '--drop-every'),
        wafWithoutUserAgent: options.waf === true,
        geoBlocked: (options.geoBlock as string[] | undefined) ?? [],
        captcha: options.captcha !== false,
        changing: options.changing === true,
      };
      const courts = garrisonCourts(loadDirectory(), { limit: Number(options.courts) });
      const world = new World({ seed: Number(options.seed), casesPerCourt: Number(options.casesPerCourt), from: '2022-10-01', to: '2025-12-31', courts });
      const simulator = new CourtSimulator(world, traps);
      const base = await simulator.listen(Number(options.port), String(options.host));
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

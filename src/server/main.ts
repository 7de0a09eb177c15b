/**
 * `otkaz serve` and `npm start`: read the configuration, start the server, serve until stopped. Kept free of the
 * CLI's command modules so that a start loads only what serving needs (`npm start` runs it from the bundle
 * scripts/start.mjs builds; a warm restart should take under 3 s).
 */
import { loadConfig } from '../config/config.ts';
import { reportError } from '../cli/report.ts';
import { type RunningServer, startServer } from './server.ts';

/** Serves until the process is stopped; resolves with an exit status only when the start failed. */
export async function serve(): Promise<number> {
  let running: RunningServer;
  try {
    running = await startServer(loadConfig());
  } catch (error) {
    return reportError(error);
  }
  return stopOnSignal(running);
}

/** SIGTERM or SIGINT: finish the requests in flight and close the database (an embedded one then needs no recovery on the next start). */
export function stopOnSignal(running: RunningServer): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`otkaz: ${signal}, stopping\n`);
      running.stop().then(
        () => resolve(0),
        (error: unknown) => resolve(reportError(error)),
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

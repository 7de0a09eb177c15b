/**
 * `otkaz serve` and `npm start`: read the configuration, start the server, serve until stopped. Kept free of the
 * CLI's modules so that a start loads only what serving needs (`npm start` runs it from the bundle
 * scripts/start.mjs builds; a warm restart should take under 3 s).
 */
import { loadConfig } from '../config/config.ts';
import { restrictNewFiles } from '../shared/data-dir.ts';
import { describeFailure } from '../shared/report.ts';
import { keepServingWhenOutputCloses } from './output.ts';
import { type RunningServer, startServer } from './server.ts';

function reportFailure(error: unknown): number {
  const { text, status } = describeFailure(error);
  process.stderr.write(`${text}\n`);
  return status;
}

/** Serves until the process is stopped; resolves with an exit status only when the start failed. */
export async function serve(): Promise<number> {
  restrictNewFiles();
  keepServingWhenOutputCloses();
  try {
    return await serveUntilStopped(() => startServer(loadConfig()));
  } catch (error) {
    return reportFailure(error);
  }
}

/** How often a server started by npm checks that npm is still there. */
export const PARENT_CHECK_MS = 500;

/**
 * Starts the server and serves until SIGTERM or SIGINT, then finishes the requests in flight and closes the
 * database (an embedded one then needs no recovery on the next start). The signals are handled from before the
 * start: one that arrives while the server starts stops it as soon as it is up. Started by npm (`npm start`,
 * `npm exec`): it also stops when npm itself is gone (killed with SIGKILL, or a shell between them died), which
 * leaves this process with another parent — otherwise it would keep serving, holding the database lock, with
 * nothing left to stop it. Rejects when the start fails; resolves with the exit status once stopped.
 */
export function serveUntilStopped(start: () => Promise<RunningServer>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const parent = process.ppid;
    let watch: NodeJS.Timeout | undefined;
    let reason: string | null = null;
    let running: RunningServer | null = null;
    const finish = () => {
      process.removeListener('SIGTERM', onTerm);
      process.removeListener('SIGINT', onInt);
      clearInterval(watch);
    };
    const stop = (why: string) => {
      if (reason !== null) return;
      reason = why;
      process.stdout.write(`otkaz: ${why}, stopping\n`);
      if (running) shutDown(running);
    };
    const shutDown = (server: RunningServer) => {
      finish();
      server.stop().then(
        () => resolve(0),
        (error: unknown) => resolve(reportFailure(error)),
      );
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
    if (env.npm_lifecycle_event !== undefined) {
      watch = setInterval(() => {
        if (process.ppid !== parent) stop(`npm (process ${parent}) has exited`);
      }, PARENT_CHECK_MS);
      watch.unref();
    }
    start().then(
      (server) => {
        running = server;
        if (reason !== null) shutDown(server);
      },
      (error: unknown) => {
        finish();
        reject(error);
      },
    );
  });
}

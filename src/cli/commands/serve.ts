import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { serveUntilStopped } from '../../server/main.ts';
import { startServer } from '../../server/server.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app, the HTTP API and the guidance pages on HOST:PORT (default 127.0.0.1:8080)')
    .action(async () => {
      const status = await serveUntilStopped(() => startServer(loadConfig()));
      if (status !== 0) process.exitCode = status;
    });
}

import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { startServer } from '../../server/server.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and pages on HOST:PORT (default 127.0.0.1:8080)')
    .action(async () => {
      const config = loadConfig();
      await startServer(config);
      await new Promise<void>(() => undefined); // serve until stopped
    });
}

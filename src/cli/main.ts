import { Command, CommanderError } from 'commander';
import { keepServingWhenOutputCloses } from '../server/output.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerArchive } from './commands/archive.ts';
import { registerAudit } from './commands/audit.ts';
import { registerCases } from './commands/cases.ts';
import { registerClients } from './commands/clients.ts';
import { registerCourts } from './commands/courts.ts';
import { registerCrawl } from './commands/crawl.ts';
import { registerDeadline } from './commands/deadline.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEvidence } from './commands/evidence.ts';
import { registerGuidance } from './commands/guidance.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerOrgs } from './commands/orgs.ts';
import { registerParse } from './commands/parse.ts';
import { registerProcedures } from './commands/procedures.ts';
import { registerReminders } from './commands/reminders.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerStats } from './commands/stats.ts';
import { registerWatch } from './commands/watch.ts';
import { exitQuietlyOnClosedPipe, type Io, processIo, useIo } from './output.ts';
import { reportError } from './report.ts';

/**
 * The commands that run for long — servers and crawls (`demo` without a subcommand crawls the simulator, then
 * serves): a closed stdout must not end them half-way (holding the embedded database), their messages go nowhere.
 */
const LONG_RUNNING = new Set(['serve', 'demo', 'crawl', 'worker', 'simulate-courts']);

export function buildProgram(io: Io = processIo): Command {
  const program = new Command();
  program
    .name('otkaz')
    // Before the commands are made: each copies it, so a subcommand's help and errors go to `io` too.
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .description('otkaz: military-refusal prosecutions from court records, with an evidence archive. Configuration: README.md.')
    .exitOverride()
    .showHelpAfterError()
    // Options belong to the command they follow (`courts build --json` is the build's --json, not the list's).
    .enablePositionalOptions();
  registerCourts(program);
  registerParse(program);
  registerIngest(program);
  registerArchive(program);
  registerEvidence(program);
  registerAudit(program);
  registerCases(program);
  registerClients(program);
  registerStats(program);
  registerSearch(program);
  registerGuidance(program);
  registerProcedures(program);
  registerDeadline(program);
  registerReminders(program);
  registerDemo(program);
  registerSimulate(program);
  registerCrawl(program);
  registerWatch(program);
  registerServe(program);
  registerAccounts(program);
  // after every other command: `org` may exist already, these join it
  registerOrgs(program);
  // The program has no options of its own: the words after a command are that command's (and a command that has
  // subcommands and options of the same name, like `crawl` and `crawl status --json`, can keep them apart). Set
  // after the commands are registered, so they do not inherit it.
  program.enablePositionalOptions();
  // A closed stdout: the data commands stop quietly (`otkaz … | head`); a server or a crawl keeps running.
  program.hook('preAction', (_program, action) => {
    if (LONG_RUNNING.has(action.name()) && action.parent === program) keepServingWhenOutputCloses();
    else exitQuietlyOnClosedPipe();
  });
  return program;
}

/** Runs the CLI; returns the exit status. Errors print their stable code and where they happened. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  const previous = useIo(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error);
  } finally {
    useIo(previous);
  }
}

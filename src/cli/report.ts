/** How a failed command ends: its stable error code and where it happened on stderr, and an exit status. */
import { exitCodeFor, OtkazError } from '../shared/errors.ts';
import { printError } from './output.ts';

/** The exit status for an error thrown by a command, after printing it. */
export function reportError(error: unknown): number {
  if (error instanceof OtkazError) {
    printError(`otkaz: error [${error.code}]: ${error.message}`);
    return exitCodeFor(error.code);
  }
  printError(`otkaz: unexpected error: ${(error as Error).stack ?? String(error)}`);
  return 1;
}

/** How a failed command ends: its stable error code and where it happened on stderr, and an exit status. */
import { describeFailure } from '../shared/report.ts';
import { printError } from './output.ts';

/** The exit status for an error thrown by a command, after printing it. */
export function reportError(error: unknown): number {
  const { text, status } = describeFailure(error);
  printError(text);
  return status;
}

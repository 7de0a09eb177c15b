/** How a failure is told to a person: its stable code and where it happened, and the process exit status. */
import { exitCodeFor, OtkazError } from './errors.ts';

export interface FailureReport {
  /** One line (more for an unexpected error: its stack), without a trailing newline. */
  text: string;
  status: number;
}

export function describeFailure(error: unknown): FailureReport {
  if (error instanceof OtkazError) return { text: `otkaz: error [${error.code}]: ${error.message}`, status: exitCodeFor(error.code) };
  return { text: `otkaz: unexpected error: ${(error as Error).stack ?? String(error)}`, status: 1 };
}

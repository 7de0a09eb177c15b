/**
 * A server whose output closes — stdout or stderr a pipe to a log reader that ended, a terminal that went away —
 * keeps serving: what it would have printed goes nowhere. (The CLI's data commands instead stop quietly on a
 * closed pipe; that handler is never installed in a serving process, see src/cli/main.ts.)
 */
let installed = false;

export function keepServingWhenOutputCloses(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

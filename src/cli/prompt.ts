/**
 * Asking on the terminal: a line typed with echo (a confirmation) or without (a passphrase). Without a terminal
 * (a pipe, a script) nothing is asked: the caller gets a usage error naming the environment variable or flag to use.
 * The terminal is the process's standard input and error, or (in tests) one given with `useTerminal`.
 */
import { ErrorCode, OtkazError } from '../shared/errors.ts';

/** What `ask` reads a line from: a TTY's read side (process.stdin). */
export interface TerminalInput {
  readonly isTTY?: boolean;
  setRawMode(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
}

export interface Terminal {
  readonly input: TerminalInput;
  /** Where the question goes (standard error: standard output stays the command's answer). */
  write(text: string): void;
}

/** The process's own terminal, looked up when asked (process.stdin is made on first use). */
const processTerminal: Terminal = {
  get input() {
    return process.stdin;
  },
  write: (text) => void process.stderr.write(text),
};

let terminal: Terminal = processTerminal;

/** Asks on `next` from now on (tests: a fake TTY); returns the one before, to put back. */
export function useTerminal(next: Terminal): Terminal {
  const previous = terminal;
  terminal = next;
  return previous;
}

export async function ask(question: string, options: { hidden: boolean; otherwise: string }): Promise<string> {
  const { input } = terminal;
  if (!input.isTTY) throw new OtkazError(ErrorCode.Usage, 'no terminal to ask on', { where: options.otherwise });
  terminal.write(question);
  input.setRawMode(options.hidden);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const c of chunk) {
          if (c === '\r' || c === '\n') {
            input.off('data', onData);
            terminal.write('\n');
            resolve(typed);
            return;
          }
          if (c === '\u0003' || c === '\u0004') {
            input.off('data', onData);
            terminal.write('\n');
            reject(new OtkazError(ErrorCode.Usage, 'cancelled', { where: options.otherwise }));
            return;
          }
          if (c === '\u007f' || c === '\b') typed = typed.slice(0, -1);
          else typed += c;
        }
      };
      input.on('data', onData);
    });
  } finally {
    if (options.hidden) input.setRawMode(false);
    input.pause();
  }
}

/**
 * Asks `question` and goes on only on "yes" (or "y"); anything else is a usage error, and so is no terminal —
 * both naming `--yes`, the flag that skips the question in a script.
 */
export async function confirm(question: string): Promise<void> {
  const typed = await ask(`${question} Type yes to go on: `, { hidden: false, otherwise: '--yes' });
  if (!/^\s*y(es)?\s*$/i.test(typed)) throw new OtkazError(ErrorCode.Usage, 'not confirmed: nothing was changed', { where: '--yes' });
}

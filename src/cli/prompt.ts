/**
 * Asking on the terminal: a line typed with echo (a confirmation) or without (a passphrase). Without a terminal
 * (a pipe, a script) nothing is asked: the caller gets a usage error naming the environment variable or flag to use.
 */
import { ErrorCode, OtkazError } from '../shared/errors.ts';

export async function ask(question: string, options: { hidden: boolean; otherwise: string }): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new OtkazError(ErrorCode.Usage, 'no terminal to ask on', { where: options.otherwise });
  process.stderr.write(question);
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
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (c === '\u0003' || c === '\u0004') {
            input.off('data', onData);
            process.stderr.write('\n');
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

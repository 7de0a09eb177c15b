// Days and months that do not exist are the caller's mistake (exit status 2, the flag named), never a database
// error: the CLI checks them with the same calendar check as the API (src/shared/validation.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';

describe('CLI: impossible dates', () => {
  useTempDataDir('otkaz-cli-dates-');

  it('cases list and stats prosecutions refuse 2024-02-30, 0000-00-00, 2024-13', async () => {
    for (const [args, flag] of [
      [['cases', 'list', '--from', '2024-02-30'], '--from'],
      [['cases', 'list', '--to', '0000-00-00'], '--to'],
      [['stats', 'prosecutions', '--from', '2024-13'], '--from'],
      [['stats', 'prosecutions', '--to', '2023-02-29'], '--to'],
    ] as const) {
      const result = await cli(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.err}`);
      assert.match(result.err, new RegExp(`\\[cli\\.usage\\].*${flag}`), args.join(' '));
    }
    assert.equal((await cli('stats', 'prosecutions', '--from', '2024-02', '--to', '2024-02-29', '--json')).code, 0, 'real months and days pass');
  });

  it('a value that is no date at all gets one message, not the shape and the day both', async () => {
    const result = await cli('cases', 'list', '--from', '2024-13');
    assert.equal(result.code, 2);
    assert.match(result.err, /\[cli\.usage\]: --from: a date YYYY-MM-DD\n?$/);
    assert.equal(result.err.match(/--from/g)?.length, 1, result.err);
    const day = await cli('cases', 'list', '--from', '2024-02-30');
    assert.match(day.err, /--from: no such date/, 'the day check still runs on the shape YYYY-MM-DD');
  });
});

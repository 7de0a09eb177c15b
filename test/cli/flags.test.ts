// The tool commands (parse, demo generate, simulate-courts, demo) check their flags before they start: a bad value
// is a coded usage error naming the flag (and the accepted values of an enum), never a stack trace or NaN at work.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

const CARD = path.join(FIXTURES, 'courts', 'blag_card.html');

describe('tool command flags', () => {
  useTempDataDir('otkaz-flags-');

  it('each bad flag is named, with status 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['parse', CARD, '--status', 'abc'], /--status/],
      [['parse', CARD, '--url', 'not a url'], /--url/],
      [['demo', 'generate', '--out', 'x.warc', '--count', 'x'], /--count/],
      [['demo', 'generate', '--out', 'x.warc', '--layout', 'foo'], /--layout.*classic.*new.*directory/],
      [['demo', 'generate', '--out', 'x.warc', '--from', '2024-02-30'], /--from/],
      [['simulate-courts', '--port', '99999'], /--port/],
      [['simulate-courts', '--latency', '2000-200'], /--latency/],
      [['simulate-courts', '--drop-every', '-1'], /--drop-every/],
      [['demo', '--courts', 'many'], /--courts/],
    ];
    for (const [args, flag] of cases) {
      const { code, err } = await cli(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /\[cli\.usage\]/, args.join(' '));
      assert.match(err, flag, args.join(' '));
      assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
    }
  });

  it('operations refuse what cannot be meant, with the same words as the API', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['crawl', '--from', '2025-01-01', '--to', '2024-01-01', '--plan-only'], /\[cli\.usage\].*after the last/],
      [['archive', 'export', '--out', '/nonexistent-otkaz-folder/x.warc'], /\[input\.not_found\].*no folder/],
      [['stats', 'prosecutions', '--real-only', '--synthetic-only'], /\[cli\.usage\].*contradict/],
      [['stats', 'compare'], /\[cli\.usage\] ?:? ?--period: required/],
      [['cases', 'list', '--page', 'abc'], /--page: expected a number/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await cli(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, message, args.join(' '));
    }
  });
});

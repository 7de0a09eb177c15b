// CSV output (src/shared/csv.ts, used by the CLI and the API): RFC 4180 that csv-parse reads back cell for cell,
// spreadsheet formulas neutralised, plain numbers left numeric, an optional UTF-8 BOM for Excel.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { renderCsv } from '../../src/cli/output.ts';
import { csvChunks } from '../../src/shared/csv.ts';

const FORMULA = /^[=+\-@\t\r\0]/;

function cells(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('CSV output', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    const rows = ['=1+1', '+7(495)123', '-1+2', '@SUM(A1:A9)', '\tcmd', '\rcmd', '\0cmd', '=HYPERLINK("http://example.invalid","x")', '-A1'].map((v) => ({
      v,
    }));
    const parsed = cells(renderCsv(['v'], rows))
      .slice(1)
      .map((r) => r[0]);
    assert.deepEqual(
      parsed,
      rows.map((r) => `'${r.v}`),
    );
  });

  it('keeps numbers and text that is exactly a plain number numeric (negative figures stay figures)', () => {
    const rows = [
      { a: -12, b: '-12' },
      { a: -3.5, b: '+3.5' },
      { a: 0, b: '-1e3' },
      { a: 12, b: 'ok' },
    ];
    assert.deepEqual(cells(renderCsv(['a', 'b'], rows)), [
      ['a', 'b'],
      ['-12', '-12'],
      ['-3.5', '+3.5'],
      ['0', '-1e3'],
      ['12', 'ok'],
    ]);
  });

  it('quotes what needs quoting, writes booleans and empty cells as before, a header even without rows', () => {
    const csv = renderCsv(
      ['a', 'b', 'c'],
      [
        { a: 'x, "y"\nz', b: true, c: null },
        { a: undefined, b: false, c: 'Тестов Т.Т.' },
      ],
    );
    assert.equal(csv, 'a,b,c\n"x, ""y""\nz",true,\n,false,Тестов Т.Т.\n');
    assert.equal(renderCsv(['a', 'b'], []), 'a,b\n');
  });

  it('starts with a UTF-8 byte-order mark only when asked', () => {
    assert.ok(renderCsv(['a'], [{ a: 1 }], { bom: true }).startsWith('\uFEFFa\n'));
    assert.ok(renderCsv(['a'], [{ a: 1 }]).startsWith('a\n'));
    assert.equal(
      Buffer.from(renderCsv(['a'], [], { bom: true }))
        .subarray(0, 3)
        .toString('hex'),
      'efbbbf',
    );
  });

  it('property: any text reads back as itself or as itself after a quote mark, and never starts a formula', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ a: fc.string({ unit: 'binary' }), b: fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.integer(), fc.boolean(), fc.constant(null)) }),
          { maxLength: 8 },
        ),
        (rows) => {
          const parsed = cells(renderCsv(['a', 'b'], rows)).slice(1);
          assert.equal(parsed.length, rows.length);
          rows.forEach((row, i) => {
            const cellsOfRow = parsed[i];
            assert.ok(cellsOfRow, `row ${i} parsed`);
            const [a, b] = cellsOfRow;
            assert.ok(a === row.a || a === `'${row.a}`, JSON.stringify({ row, a }));
            if (a !== row.a) assert.match(row.a, FORMULA);
            if (typeof row.a === 'string' && FORMULA.test(row.a) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(row.a)) assert.equal(a, `'${row.a}`);
            if (typeof row.b === 'number') assert.equal(b, String(row.b));
            if (typeof row.b === 'string') assert.ok(b === row.b || b === `'${row.b}`);
          });
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });

  it('streamed in chunks, the CSV is the same text as rendered whole: one header, the BOM once, formulas neutralised', async () => {
    const rows = [
      { a: '=1+1', b: 1 },
      { a: 'x', b: -2 },
      { a: '@SUM(A1)', b: null },
      { a: 'y,"z"', b: true },
      { a: '-A1', b: 3 },
    ];
    async function* chunked(sizes: number[]) {
      let at = 0;
      for (const size of sizes) {
        yield rows.slice(at, at + size);
        at += size;
      }
    }
    const join = async (pieces: AsyncIterable<string>) => {
      let text = '';
      for await (const piece of pieces) text += piece;
      return text;
    };
    for (const bom of [false, true])
      for (const sizes of [[5], [2, 0, 3], [1, 1, 1, 1, 1]])
        assert.equal(await join(csvChunks(['a', 'b'], chunked(sizes), { bom })), renderCsv(['a', 'b'], rows, { bom }), JSON.stringify({ bom, sizes }));
    assert.equal(await join(csvChunks(['a', 'b'], chunked([]), { bom: true })), '\uFEFFa,b\n', 'no rows: the header');
    assert.ok(cells(await join(csvChunks(['a', 'b'], chunked([2, 3])))).every((r, i) => i === 0 || !FORMULA.test(r[0] ?? '')));
  });
});

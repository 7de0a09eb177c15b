// CSV output (src/shared/csv.ts, used by the CLI and the API): RFC 4180 that csv-parse reads back cell for cell,
// spreadsheet formulas neutralised, plain numbers left numeric, an optional UTF-8 BOM for Excel.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { renderCsv } from '../../src/cli/output.ts';

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
});

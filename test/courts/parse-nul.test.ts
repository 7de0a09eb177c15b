// PostgreSQL and PGlite refuse U+0000 in text and jsonb: no text parsed from a page may carry one, wherever the
// page's NUL bytes are (inside names, numbers, dates, links, tags), in either encoding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parsePage } from '../../src/courts/parse/page.ts';
import { present } from '../../src/shared/present.ts';
import { fixture } from '../helpers/fixtures.ts';

const PAGES = [
  'blag_card.html',
  'kirov_koap.html',
  'ksoyu_listing_acts.html',
  'leninsky_ufa_criminal.html',
  'samara_kas_appeal_card.html',
  'samara_kas_appeal_uid_results.html',
].map((name) => {
  const bytes = fixture(name);
  // Where the page's text is: before the lead byte of each Cyrillic letter (UTF-8 0xD0/0xD1).
  const letters: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === 0xd0 || bytes[i] === 0xd1) letters.push(i);
  return { name, bytes, letters };
});

describe('NUL bytes in a page never reach a parsed value', () => {
  it('NULs inserted in the text and anywhere else, in either encoding: the parsed page holds none', () => {
    fc.assert(
      fc.property(
        // Where the NULs go: before letters of the text, and anywhere (tags, attributes, links, scripts).
        // (By index, so that a counterexample prints short.)
        fc.integer({ min: 0, max: PAGES.length - 1 }).chain((index) => {
          const page = present(PAGES[index], 'the page drawn');
          return fc.tuple(
            fc.constant(index),
            fc.array(fc.integer({ min: 0, max: page.letters.length - 1 }), { minLength: 1, maxLength: 20 }),
            fc.array(fc.integer({ min: 0, max: page.bytes.length }), { maxLength: 20 }),
          );
        }),
        fc.constantFrom('text/html; charset=utf-8', 'text/html; charset=windows-1251', null),
        ([index, inText, anywhere], contentType) => {
          const { bytes, letters } = present(PAGES[index], 'the page drawn');
          const at = [...inText.map((i) => letters[i] ?? 0), ...anywhere].sort((a, b) => a - b);
          const parts: Buffer[] = [];
          let from = 0;
          for (const i of at) {
            parts.push(bytes.subarray(from, i), Buffer.from([0]));
            from = i;
          }
          parts.push(bytes.subarray(from));
          const parsed = parsePage({ bytes: Buffer.concat(parts), url: 'https://2kas.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=1', contentType });
          assert.ok(!JSON.stringify(parsed).includes('\\u0000'), `${PAGES[index]?.name} → ${parsed.kind}: a NUL in a parsed value`);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('a NUL inside a word is dropped, so the word (a name, for the redactor) stays whole', () => {
    const html = fixture('kirov_koap.html');
    const at = html.indexOf(Buffer.from('Вынесено постановление')) + Buffer.byteLength('Выне');
    const parsed = parsePage({ bytes: Buffer.concat([html.subarray(0, at), Buffer.from([0, 0]), html.subarray(at)]), url: null });
    const clean = parsePage({ bytes: html, url: null });
    assert.deepEqual(parsed, clean);
  });
});

// The exact-lookup terms of a client record (src/casework/clients.ts, lookupTerms): a name is found as a worker
// types it — the family name, or the whole name in the order of Russian papers or the order the file's title
// shows — and never by a part that is not a whole name. Pure: the blind index under a fixed test key. SYNTHETIC names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupTerms } from '../../src/casework/clients.ts';
import { ClientRecordSchema, displayName } from '../../src/casework/record.ts';
import { blindIndex } from '../../src/crypto/blind-index.ts';

const KEY = new Uint8Array(32).fill(7);
const hex = (kind: 'name' | 'document_number' | 'case_ref', value: string) => Buffer.from(blindIndex(KEY, kind, value)).toString('hex');

const record = ClientRecordSchema.parse({
  person: {
    names: [
      { script: 'cyrillic', family: 'Синтетиков', given: 'Тестомир', patronymic: 'Пробович' },
      { script: 'latin', family: 'Sintetikov', given: 'Testomir', patronymic: 'Probovich' },
    ],
  },
});
const indexed = new Set(lookupTerms(record).map((t) => hex(t.kind, t.value)));
const finds = (value: string) => indexed.has(hex('name', value));

describe('lookup terms of a name', () => {
  it('the whole name with its patronymic, family name first as in Russian papers', () => {
    assert.ok(finds('Синтетиков Тестомир Пробович'));
    assert.ok(finds('синтетиков  тестомир пробович'), 'case and spacing do not matter');
    assert.ok(finds('Sintetikov Testomir Probovich'));
  });

  it('the name as the file shows it (given names first)', () => {
    assert.equal(displayName(record), 'Testomir Probovich Sintetikov');
    assert.ok(finds(displayName(record)));
    assert.ok(finds('Тестомир Пробович Синтетиков'));
    assert.ok(finds('Testomir Sintetikov'));
  });

  it('the family name alone, or with the given name, as before', () => {
    for (const value of ['Синтетиков', 'Синтетиков Тестомир', 'Sintetikov', 'Sintetikov Testomir']) assert.ok(finds(value), value);
  });

  it('no part that is not a name: the given name or the patronymic alone, a prefix, a mixed order', () => {
    for (const value of ['Тестомир', 'Пробович', 'Синтет', 'Тестомир Пробович', 'Пробович Синтетиков Тестомир', 'Sintetikov Probovich'])
      assert.ok(!finds(value), value);
  });
});

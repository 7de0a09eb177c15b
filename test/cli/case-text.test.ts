// `cases show` as text: the sentence in words, as a person reads it — not the parser's record as JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentenceText } from '../../src/cli/commands/cases.ts';

describe('cases show: the sentence as words', () => {
  it('a term, a probation, a fine', () => {
    assert.equal(
      sentenceText('imprisonment', { kind: 'imprisonment', termMonths: 30, probationMonths: null, fineRub: null }),
      'imprisonment, 2 years 6 months',
    );
    assert.equal(sentenceText('suspended', { kind: 'suspended', termMonths: 12, probationMonths: 24, fineRub: null }), 'suspended, 1 year, probation 2 years');
    assert.equal(sentenceText('fine', { kind: 'fine', termMonths: null, probationMonths: null, fineRub: 100000 }), 'fine, 100,000 RUB');
    assert.equal(
      sentenceText('restriction_of_service', { kind: 'restriction_of_service', termMonths: 8, probationMonths: null, fineRub: null }),
      'restriction of service, 8 months',
    );
  });

  it('no JSON, and nothing at all when there is no sentence', () => {
    const shown = sentenceText('disciplinary_unit', { kind: 'disciplinary_unit', termMonths: 13, probationMonths: null, fineRub: null });
    assert.equal(shown, 'disciplinary unit, 1 year 1 month');
    assert.doesNotMatch(String(shown), /[{}":]/);
    assert.equal(sentenceText(null, null), null);
    assert.equal(sentenceText(null, { kind: 'other', termMonths: null, probationMonths: null, fineRub: null }), 'other');
  });
});

// Country-code mapping: every source's codes end as ISO3 or an aggregate longer than three letters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryName, fromCbpCitizenship, fromEurostat, fromUnhcrIso, isAggregate, parseArea } from '../../src/asylum/codes/countries.ts';

describe('country codes', () => {
  it('UNHCR: ISO fields only; pseudo-codes become aggregates', () => {
    assert.equal(fromUnhcrIso('AUS'), 'AUS'); // in the ISO field AUS is Australia (UNHCR's own AUS is Austria, never read)
    assert.equal(fromUnhcrIso('AUT'), 'AUT');
    assert.equal(fromUnhcrIso('XXA'), 'STATELESS');
    assert.equal(fromUnhcrIso('UNK'), 'UNKNOWN');
    assert.equal(fromUnhcrIso('TIB'), 'TIBETANS');
    assert.equal(fromUnhcrIso('-'), 'WORLD');
    assert.equal(fromUnhcrIso('GFR'), null);
  });

  it('Eurostat: alpha-2 with its exceptions, aggregates kept as aggregates', () => {
    assert.equal(fromEurostat('EL'), 'GRC');
    assert.equal(fromEurostat('UK'), 'GBR');
    assert.equal(fromEurostat('RU'), 'RUS');
    assert.equal(fromEurostat('EU27_2020'), 'EU27_2020');
    assert.equal(fromEurostat('TOTAL'), 'WORLD');
    assert.equal(fromEurostat('STLS'), 'STATELESS');
    assert.equal(fromEurostat('XX'), null);
    assert.ok(isAggregate('EU27_2020') && isAggregate('WORLD') && !isAggregate('DEU'));
  });

  it('CBP names, including ones added by later releases', () => {
    assert.equal(fromCbpCitizenship('CHINA, PEOPLES REPUBLIC OF'), 'CHN');
    assert.equal(fromCbpCitizenship('MYANMAR (BURMA)'), 'MMR');
    assert.equal(fromCbpCitizenship('RUSSIA'), 'RUS');
    assert.equal(fromCbpCitizenship('OTHER'), 'OTHER');
    assert.equal(fromCbpCitizenship('KAZAKHSTAN'), 'KAZ');
    assert.equal(fromCbpCitizenship('ATLANTIS'), null);
  });

  it('user input and names in both languages', () => {
    assert.equal(parseArea('eu27'), 'EU27_2020');
    assert.equal(parseArea('de'), 'DEU');
    assert.equal(parseArea('Deu'), 'DEU');
    assert.equal(parseArea('world'), 'WORLD');
    assert.equal(parseArea('Atlantis'), null);
    assert.equal(countryName('DEU', 'ru'), 'Германия');
    assert.equal(countryName('EU27_2020', 'en'), 'EU-27 (from 2020)');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDirectory, hostForms } from '../../src/courts/directory/build.ts';
import { buildDirectoryFromFolder, loadDirectory, SOURCE_FILES } from '../../src/courts/directory/load.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

describe('military-court directory', () => {
  const built = buildDirectoryFromFolder(`${FIXTURES}/courts`);
  it('counts match the lists (100 GV, 9 OV, 1 AV, 1 KV; 17 captcha and 7 new-layout garrison courts in 2024)', () => {
    assert.equal(built.counts.garrison, 100);
    assert.equal(built.counts.okrug_fleet, 9);
    assert.equal(built.counts.appellate, 1);
    assert.equal(built.counts.cassation, 1);
    assert.equal(built.counts.total, 111);
    assert.equal(built.counts.withCaptcha, 17);
    assert.equal(built.counts.newLayout, 7);
  });
  it('one entry per VNKOD', () => {
    const codes = built.courts.map((c) => c.vnkod).filter(Boolean);
    assert.equal(new Set(codes).size, codes.length);
  });
  it('merges sources and keeps both host forms', () => {
    const perm = built.courts.find((c) => c.vnkod === '63GV0006');
    assert.equal(perm?.name, 'Пермский гарнизонный военный суд');
    assert.equal(perm?.host, 'voen--perm.sudrf.ru');
    assert.equal(perm?.legacyHost, 'voen.perm.sudrf.ru');
    assert.deepEqual(perm?.sources.slice(0, 2), ['dataout-2023', 'tochno-st-2024']);
    const vkas = built.courts.find((c) => c.vnkod === '54KV0000');
    assert.equal(vkas?.host, 'vkas.sudrf.ru');
    assert.ok(vkas?.sources.includes('sudrfpractice'));
    const spb224 = built.courts.find((c) => c.vnkod === '39GV0005');
    assert.equal(spb224?.captcha, true);
    assert.equal(spb224?.districtCourt, '39OV0000');
    const tver = built.courts.find((c) => c.vnkod === '77GV0011');
    assert.equal(tver?.layout, 'new');
    assert.equal(tver?.districtName, '2-й Западный окружной военный суд');
  });
  it('courts found only in the 2020 list are kept and marked', () => {
    assert.equal(built.counts.onlyInOldList, 14);
    assert.ok(built.courts.some((c) => c.onlyInOldList && c.name === 'Уральский окружной военный суд'));
  });
  it('the shipped directory is what the lists give', () => {
    assert.deepEqual(loadDirectory(), JSON.parse(JSON.stringify(built)));
  });
  it('host forms', () => {
    assert.deepEqual(hostForms('http://gvs.ros.sudrf.ru'), { host: 'gvs--ros.sudrf.ru', legacyHost: 'gvs.ros.sudrf.ru' });
    assert.deepEqual(hostForms('http://109gvs--svd.sudrf.ru'), { host: '109gvs--svd.sudrf.ru', legacyHost: '109gvs.svd.sudrf.ru' });
  });
  it('a list in the wrong shape is a typed error naming the file', () => {
    assert.throws(
      () => buildDirectory({ tochno: [{ nope: 1 }], dataout: {}, smBackend: [], practice: { courts: [] }, regions: {} }, SOURCE_FILES),
      (error: unknown) => error instanceof OtkazError && error.code === ErrorCode.DirectoryInvalid && /config_sudrf\.json/.test(error.message),
    );
  });
});

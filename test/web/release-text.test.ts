// The legal-aid release's method and population texts are fixed by its method version: the web app shows them
// from its locales (in Russian in the Russian UI), and the English locale says exactly what the release says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { METHOD, METHOD_VERSION, POPULATION } from '../../src/disclosure/release.ts';
import { projectPath } from '../../src/shared/paths.ts';
import { METHOD_TEXTS, releaseText } from '../../web/src/casework/releaseText.ts';

type Tree = { [key: string]: string | Tree };
const lookup = (lang: string) => {
  const tree = JSON.parse(readFileSync(projectPath('web', 'src', 'locales', `${lang}.json`), 'utf8')) as Tree;
  return (key: string) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : key;
  };
};
const release = { methodVersion: METHOD_VERSION, method: METHOD, population: POPULATION };

describe('the legal-aid release text in the UI language', () => {
  it('the current method version is known; English is the release text, Russian is Russian', () => {
    assert.ok(METHOD_TEXTS[METHOD_VERSION], METHOD_VERSION);
    assert.equal(releaseText(release, 'method', 'en', lookup('en')), METHOD);
    assert.equal(releaseText(release, 'population', 'en', lookup('en')), POPULATION);
    for (const which of ['method', 'population'] as const) assert.match(releaseText(release, which, 'ru', lookup('ru')), /^[^A-Za-z]*[А-Яа-яЁё]/, which);
  });

  it('an unknown method version shows its own text, labelled in Russian', () => {
    const other = { methodVersion: 'otkaz-disclosure/9', method: 'some future method', population: 'clients' };
    assert.equal(releaseText(other, 'method', 'ru', lookup('ru')), 'some future method (на английском)');
    assert.equal(releaseText(other, 'method', 'en', lookup('en')), 'some future method');
  });
});

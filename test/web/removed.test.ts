// A document's list of removed metadata is stored in English (src/casework/strip.ts); the web app words each
// entry in its language: every name stripping can store has a code with an English and a Russian text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { removableNames } from '../../src/casework/strip.ts';
import { projectPath } from '../../src/shared/paths.ts';
import { REMOVED, removedLabel } from '../../web/src/casework/removed.ts';

type Tree = { [key: string]: string | Tree };
const load = (lang: string) => JSON.parse(readFileSync(projectPath('web', 'src', 'locales', `${lang}.json`), 'utf8')) as Tree;
const lookup = (tree: Tree) => (key: string) => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : key;
};
const ru = lookup(load('ru'));
const en = lookup(load('en'));

describe('removed metadata in the UI language', () => {
  it('every name stripping can store is mapped, with a Russian text', () => {
    const names = removableNames();
    assert.ok(names.length > 10);
    assert.deepEqual(
      names.filter((n) => !REMOVED[n]),
      [],
      'names without a code',
    );
    for (const name of names) {
      const russian = removedLabel(name, ru);
      assert.ok(!russian.startsWith('files.'), `${name}: no Russian text`);
      assert.ok(!en(`files.docs.removedItems.${REMOVED[name]}`).startsWith('files.'), `${name}: no English text`);
      if (/PDF|comment|PNG/.test(name)) assert.match(russian, /[А-Яа-яЁё]/, `${name} → ${russian}`);
    }
  });

  it('a name not known (an older server) is shown as stored', () => {
    assert.equal(removedLabel('WebP EXIF', ru), 'WebP EXIF');
  });
});

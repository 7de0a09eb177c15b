// A case-file refusal that is not a request schema's issue (no such procedure, no such case, no consent, changed
// meanwhile: src/casework/refusal.ts) comes with a stable `reason` and its `values`; the web app words each in the UI
// language: every reason the server gives has an English and a Russian text with the same placeholders.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { REFUSAL_REASONS } from '../../src/casework/refusal.ts';
import { projectPath } from '../../src/shared/paths.ts';
import { ApiError } from '../../web/src/api.ts';
import { REFUSALS, refusalText } from '../../web/src/casework/refusals.ts';

type Tree = { [key: string]: string | Tree };
const load = (lang: string) => JSON.parse(readFileSync(projectPath('web', 'src', 'locales', `${lang}.json`), 'utf8')) as Tree;
/** i18next's lookup and {{name}} interpolation, enough for these texts. */
const translator =
  (tree: Tree) =>
  (key: string, options: Record<string, unknown> = {}) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => String(options[name] ?? `{{${name}}}`));
  };
const en = translator(load('en'));
const ru = translator(load('ru'));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const problem = (status: number, reason: string, values?: Record<string, string | number>) =>
  new ApiError('the English sentence', status, 'input.invalid', { reason, ...(values ? { values } : {}) });

describe('case-file refusals in the UI language', () => {
  it('the web app knows every reason the server gives, each with an English and a Russian text', () => {
    assert.deepEqual([...REFUSALS].sort(), [...REFUSAL_REASONS].sort());
    for (const reason of REFUSAL_REASONS) {
      const english = en(`files.refusals.${reason}`);
      const russian = ru(`files.refusals.${reason}`);
      assert.ok(!english.startsWith('files.'), `${reason}: no English text`);
      assert.ok(!russian.startsWith('files.'), `${reason}: no Russian text`);
      assert.match(russian, /[А-Яа-яЁё]{3}/, `${reason}: not Russian: ${russian}`);
      assert.deepEqual(placeholders(russian), placeholders(english), `${reason}: the same values in both languages`);
    }
  });

  it('writes a refusal with its values in Russian, and in English', () => {
    const error = problem(400, 'casework.region_of_other_country', { region: 'FR-IDF', destination: 'DE' });
    assert.equal(refusalText(error, ru), 'регион праздничных дней FR-IDF не относится к стране DE (например, DE-BE для суда в Берлине).');
    assert.equal(refusalText(error, en), 'the holiday region FR-IDF is not in DE (e.g. DE-BE for a court in Berlin).');
    assert.equal(refusalText(problem(404, 'casework.no_case'), ru), 'такого дела в базе нет: проверьте номер дела в базе, УИД или суд и номер дела.');
  });

  it('leaves other errors to the caller: a deadline refusal, a reason not known here, a value that is not a scalar', () => {
    assert.equal(refusalText(problem(400, 'before_event'), ru), null);
    assert.equal(refusalText(problem(400, 'casework.some_future_reason'), ru), null);
    assert.equal(refusalText(new Error('network'), ru), null);
    const odd = new ApiError('x', 400, 'input.invalid', { reason: 'casework.consent_ended', values: { until: { nested: true } } });
    assert.equal(refusalText(odd, en), "the client's consent ended on {{until}}.");
  });
});

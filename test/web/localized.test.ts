// The exclusion (art. 1F) section shows the knowledge base's texts in the UI language; in Russian a text the
// knowledge base has only in English is labelled "(in English)" rather than mixed in silently. The bundled
// allegations and the notice have their Russian, so nothing there needs the label.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EXCLUSION_NOTICE } from '../../src/casework/exclusion.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { projectPath } from '../../src/shared/paths.ts';
import { lacksRussian, localizedText } from '../../web/src/casework/localized.ts';

const ruCommon = (JSON.parse(readFileSync(projectPath('web', 'src', 'locales', 'ru.json'), 'utf8')) as { common: Record<string, string> }).common;
const t = (key: string) => ruCommon[key.replace(/^common\./, '')] ?? key;

describe('knowledge-base texts in the UI language', () => {
  it('in Russian: the Russian text; an English-only one labelled; in English: the English', () => {
    assert.equal(localizedText({ en: 'Bucha', ru: 'Буча' }, 'ru', t), 'Буча');
    assert.equal(localizedText({ en: 'Bucha', ru: 'Буча' }, 'en', t), 'Bucha');
    assert.equal(localizedText({ en: 'A unit named in a report' }, 'ru', t), 'A unit named in a report (на английском)');
    assert.equal(localizedText({ en: 'A unit named in a report', ru: '' }, 'ru', t), 'A unit named in a report (на английском)');
    assert.equal(localizedText({ en: 'A unit named in a report', ru: 'A unit named in a report' }, 'ru', t), 'A unit named in a report (на английском)');
    // A name that is the same in both (a code, a number) is not "English".
    assert.equal(localizedText({ en: '64', ru: '64' }, 'ru', t), '64');
  });

  it('the bundled allegations (unit names, places, the allegation, notes) and the notice have their Russian', () => {
    const kb = loadKnowledgeBase();
    assert.ok(kb.allegations.length > 0);
    const texts = [EXCLUSION_NOTICE, ...kb.allegations.flatMap((a) => [...a.units.map((u) => u.name), ...a.places, a.alleged, ...(a.note ? [a.note] : [])])];
    assert.deepEqual(
      texts.filter(lacksRussian).map((x) => x.en),
      [],
    );
  });
});

// The web app's two languages are complete: the same keys in English and Russian, no empty text, the same
// interpolation variables, and every key the app's code asks for exists — so no page shows a raw key or falls
// back to English in Russian.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { INDICATORS } from '../../src/asylum/model.ts';
import { AUDIT_ACTIONS } from '../../src/audit/actions.ts';
import { projectPath } from '../../src/shared/paths.ts';
import { present } from '../../src/shared/present.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const en = flatten(JSON.parse(readFileSync(projectPath('web', 'src', 'locales', 'en.json'), 'utf8')) as Tree);
const ru = flatten(JSON.parse(readFileSync(projectPath('web', 'src', 'locales', 'ru.json'), 'utf8')) as Tree);
// A variable with a formatter (`{{event, upperFirst}}`) is the same variable: the formatter may differ per language.
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('web app languages', () => {
  it('English and Russian have the same keys, none empty, with the same {{variables}}', () => {
    assert.deepEqual(
      [...ru.keys()].filter((k) => !en.has(k)),
      [],
      'keys only in Russian',
    );
    assert.deepEqual(
      [...en.keys()].filter((k) => !ru.has(k)),
      [],
      'keys only in English',
    );
    for (const [key, text] of en) {
      const russian = ru.get(key) ?? '';
      assert.ok(text.trim() && russian.trim(), `empty text for ${key}`);
      assert.deepEqual(variables(russian), variables(text), `variables of ${key}`);
    }
  });

  it('every audit action has its label, in both languages, and no label names an action the log does not write', () => {
    for (const action of AUDIT_ACTIONS) {
      assert.ok(en.get(`files.audit.actions.${action}`), `English label of ${action}`);
      assert.ok(ru.get(`files.audit.actions.${action}`), `Russian label of ${action}`);
    }
    const labelled = [...en.keys()].filter((k) => k.startsWith('files.audit.actions.')).map((k) => k.slice('files.audit.actions.'.length));
    assert.deepEqual(
      labelled.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)),
      [],
    );
  });

  it('the Russian texts are Russian', () => {
    // Brand names, codes and units may stay as they are; anything longer with Latin letters only is untranslated.
    const untranslated = [...ru].filter(([key, text]) => text.length > 12 && !/[А-Яа-яЁё]/.test(text) && text === en.get(key));
    assert.deepEqual(untranslated, []);
  });

  it('every key the code asks for exists (literal keys, and the keys built from known lists)', () => {
    const code = sources(projectPath('web', 'src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const literal = [...code.matchAll(/\bt\('([\w.]+)'/g)].map((m) => present(m[1], 'the key in t(…)'));
    assert.ok(literal.length > 50, `found ${literal.length} keys in the code`);
    const built = [
      ...['year', 'fiscal_year', 'quarter', 'month'].map((p) => `stats.${p}`),
      // The statistics explorer's indicators, and the `clients` measures labelled by the legal-aid tables' rows.
      ...['applications', 'decisions', 'encounters', 'refugees', 'asylum_seekers', 'resettlement', 'clients'].map((i) => `stats.indicators.${i}`),
      ...Object.keys(INDICATORS.clients.measures).map((m) => `legalAid.rows.${m === 'all' ? 'total' : m.replace(/^(stage|outcome)_/, '')}`),
      ...['id', 'court', 'number', 'receipt', 'decision', 'articles', 'defendants', 'outcome'].map((c) => `cases.columns.${c}`),
      ...['holds', 'holds_under_other_definition', 'does_not_hold', 'no_data'].map((v) => `claims.${v}`),
      // Every outcome the parser can store (src/courts/parse/types.ts), shown by outcomeLabel().
      ...[
        'conviction',
        'acquittal',
        'termination',
        'returned_to_prosecutor',
        'transferred',
        'medical_measures',
        'upheld',
        'modified',
        'overturned',
        'appeal_withdrawn',
        'unknown',
      ].map((o) => `outcomes.${o}`),
    ];
    const missing = [...new Set([...literal, ...built])].filter((key) => !en.has(key) || !ru.has(key));
    assert.deepEqual(missing, []);
  });

  it('every key the code builds (a template literal in t(…)) has its prefix as a group of texts in both languages', () => {
    const code = sources(projectPath('web', 'src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const prefixes = [...new Set([...code.matchAll(/\bt\(`([\w.]+\.)\$\{/g)].map((m) => present(m[1], 'the prefix in t(`…`)')))];
    assert.ok(prefixes.length > 30, `found ${prefixes.length} built keys in the code`);
    const groups = (texts: Map<string, string>) => (prefix: string) => [...texts.keys()].some((k) => k.startsWith(prefix));
    const inEn = groups(en);
    const inRu = groups(ru);
    assert.deepEqual(
      prefixes.filter((p) => !inEn(p) || !inRu(p)),
      [],
      'a built key whose group is missing (the page would show the raw key)',
    );
  });

  it('no accessible name is written in English in the code (a screen reader says it in Russian too)', () => {
    const literal = sources(projectPath('web', 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(aria-label|title|alt|placeholder)="([^"]*[A-Za-z]{4}[^"]*)"/g)].map(
        (m) => `${path.basename(file)}: ${m[1]}="${m[2]}"`,
      ),
    );
    assert.deepEqual(literal, []);
  });
});

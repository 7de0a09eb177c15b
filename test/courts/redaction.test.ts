// No personal name survives ingest, on both engines: names in every form put into every free-text field kind of
// both layouts (a fast-check property), and the names of the real fixture pages (fictitious, see
// test/fixtures/courts/SCRUB.md) searched for in every database column (all but the raw bytes) and in every
// answer of the case routes. Full-text search by a name finds nothing; the keyed hash still finds the person.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { findPerson } from '../../src/courts/cases/persons.ts';
import { searchCases } from '../../src/courts/cases/search.ts';
import { reRedactStored } from '../../src/courts/cases/store.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { type IngestInput, ingestPage, parseInput } from '../../src/courts/ingest.ts';
import type { Layout } from '../../src/courts/parse/types.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../../src/courts/synthetic/pages.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { ENGINES } from '../helpers/engines.ts';
import { fixture } from '../helpers/fixtures.ts';
import { cardUrl, listUrl, renderNamedAct, renderNamedCard, renderNamedList } from '../helpers/named-pages.ts';
import { type Case, dumpDatabase, givenWords, hits, PHRASES, person, style, surnamePattern, surnameWords, written } from '../helpers/names.ts';

const KEY = 'test-person-key-0123456789';
const directory = loadDirectory();
const kb = loadKnowledgeBase();

const input = (bytes: Uint8Array, url: string, extra: Partial<IngestInput> = {}): IngestInput => ({
  bytes,
  url,
  retrievedAt: '2026-04-20T10:00:00Z',
  httpStatus: 200,
  httpHeaders: [['Content-Type', 'text/html; charset=windows-1251']],
  source: 'crawl',
  sourceRef: 'test',
  synthetic: false,
  ...extra,
});

/** Every answer of the case routes for every stored case, as one text. */
async function apiText(app: FastifyInstance): Promise<string> {
  const parts: string[] = [];
  const list = await app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=200' });
  assert.equal(list.statusCode, 200);
  parts.push(list.body);
  parts.push((await app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=200&format=csv' })).body);
  const ids = await (async () => {
    const out: number[] = [];
    for (let page = 1; ; page += 1) {
      const r = (await app.inject({ method: 'GET', url: `/api/v1/cases?pageSize=200&page=${page}` })).json<{ rows: { id: number }[] }>();
      out.push(...r.rows.map((row) => row.id));
      if (r.rows.length < 200) return out;
    }
  })();
  for (const id of ids) {
    for (const suffix of ['', '/persons', '/articles', '/events', '/captures']) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/cases/${id}${suffix}` });
      assert.equal(r.statusCode, 200, `/api/v1/cases/${id}${suffix}`);
      parts.push(r.body);
    }
  }
  for (let capture = 1; ; capture += 1) {
    const r = await app.inject({ method: 'GET', url: `/api/v1/captures/${capture}` });
    if (r.statusCode === 404) break;
    parts.push(r.body);
  }
  return parts.join('\n');
}

/** The fictitious names of the fixture pages that the parser reads as persons, plus those SCRUB.md lists in list rows. */
function fixtureNames(): string[] {
  const names = new Set<string>([
    'Лосев К. Д.',
    'Ефимов П. С.',
    'Голубева Е.В.',
    'Карпов И.Л.',
    'Белкин А.М.',
    'Титова О. С.',
    'Гончаренко В.П.',
    'Осипова Л. Р.',
    'Осипов Д. Е.',
    'Фомин В.Г.',
    'Савельев Н. И.',
    'Мартынова Г. П.',
    'Андреева Ю. В.',
    'Ершова Т. А.',
    'Бондаренко Е. К.',
    'Воронцов С. Б.',
    'Дроздова Е. С.',
    'Шевчук О.Н.',
    'Фролова Надежда Викторовна',
    'Соколов Д.И.',
    'Тарасов В.И.',
    'Комарова С.Ю.',
    'Сергеевой Т.М.',
    'Власовой Е.Д.',
    'Полянская О.Н.',
  ]);
  for (const file of FIXTURE_PAGES) {
    const page = parseInput(input(fixture(file), `file:${file}`, { httpHeaders: null }));
    if (page.kind !== 'case_card') continue;
    for (const p of [...page.card.defendants, ...page.card.parties]) {
      // The person in the field ("Адвокат … Фролова Надежда Викторовна" → the name); an organisation has none.
      const person =
        /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вн|ичн|ич)[а-яё]*|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s?[А-ЯЁ]\.\s?[А-ЯЁ]\./.exec(
          p.name,
        )?.[0];
      if (!p.hidden && person) names.add(person);
    }
  }
  return [...names];
}

const FIXTURE_PAGES = [
  'blag_card.html',
  'kirov_koap.html',
  'ksoyu_listing_acts.html',
  'leninsky_ufa_criminal.html',
  'samara_kas_appeal_card.html',
  'samara_kas_appeal_uid_results.html',
];
const LENINSKY_URL =
  'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';

function slots(name: (c: Case) => string, caps: string) {
  return {
    person: name('nom'),
    caseResult: PHRASES.gen(name('gen')),
    personResult: `ОСУЖДЕН\n${PHRASES.dat(name('dat'))}`,
    articles: 'ст.337 ч.5 УК РФ',
    category: 'Преступления против военной службы',
    event: {
      name: 'Судебное заседание',
      place: `Зал №2, ${PHRASES.pre(name('pre'))}`,
      result: PHRASES.acc(name('acc')),
      basis: PHRASES.ins(name('ins')),
      note: PHRASES.nom(name('nom')),
    },
    parties: [
      ['Защитник', caps],
      ['Прокурор', 'Военная прокуратура Ростовского гарнизона'],
    ] as [string, string][],
    act: `П Р И Г О В О Р И Л: ${PHRASES.acc(name('acc'))}. Потерпевший ФИО19, ${name('nom')} ФИО21 пояснил.`,
    judge: 'Судьин С.С.',
  };
}

for (const engine of ENGINES) {
  describe(`no names survive ingest: ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      await syncCourts(db, directory);
      app = await buildApp({ config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' }), db, directory, kb });
    });
    after(async () => {
      await app.close();
      await drop();
    });

    it('a fixed example: every field kind of both layouts, list rows and act pages', async () => {
      const n = { classic: 1, new: 2 } as const;
      for (const layout of ['classic', 'new'] as Layout[]) {
        const forms = {
          nom: 'Громов Глеб Геннадьевич',
          gen: 'Громова Глеба Геннадьевича',
          dat: 'Громову Глебу Геннадьевичу',
          acc: 'Громова Глеба Геннадьевича',
          ins: 'Громовым Глебом Геннадьевичем',
          pre: 'Громове Глебе Геннадьевиче',
        };
        await ingestPage(
          db,
          directory,
          input(
            renderNamedCard(
              slots((c) => forms[c], 'ТЮРИНА АННА КУЗЬМИНИЧНА'),
              layout,
              n[layout],
            ),
            cardUrl(layout, n[layout]),
          ),
          KEY,
        );
        await ingestPage(
          db,
          directory,
          input(
            renderNamedList(
              [
                {
                  info: 'КАТЕГОРИЯ: Преступления против военной службы\nЛадыгин П. И. - ст.337 ч.5 УК РФ',
                  decision: 'Вынесен ПРИГОВОР в отношении Ладыгина Павла Ильича',
                  judge: 'Судьин С.С.',
                },
              ],
              layout,
              10 + n[layout],
            ),
            listUrl(layout, n[layout]),
          ),
          KEY,
        );
        await ingestPage(
          db,
          directory,
          input(
            renderNamedAct('признать Пестрова Петра Фомича виновным; Пестров П.Ф. осужден'),
            `https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=${n[layout]}&delo_id=1540006&new=0&text_number=1`,
            { forCase: { caseUid: `uid-${n[layout]}`, caseId: String(n[layout]), deloId: '1540006', actTitle: 'Приговор' } },
          ),
          KEY,
        );
      }
      const words = [
        'громов',
        'громова',
        'громову',
        'громовым',
        'громове',
        'глеб',
        'глеба',
        'глебу',
        'глебом',
        'глебе',
        'тюрина',
        'анна',
        'ладыгин',
        'ладыгина',
        'павла',
        'пестров',
        'пестрова',
        'петра',
      ];
      for (const { table, text } of await dumpDatabase(db)) assert.deepEqual(hits(text, words), [], `names in table ${table}`);
      assert.deepEqual(hits(await apiText(app), words), [], 'names in API answers');
      for (const q of ['Громов Глеб Геннадьевич', 'Громова Глеба', 'Ладыгин Павел Ильич', 'Пестров Петр Фомич', 'Тюрина Анна']) {
        const r = await app.inject({ method: 'GET', url: `/api/v1/cases?q=${encodeURIComponent(q)}` });
        assert.equal(r.json<{ total: number }>().total, 0, `q=${q} finds a case by a name`);
        assert.deepEqual(await searchCases(db, q), [], `search "${q}" finds a case by a name`);
      }
      assert.equal((await findPerson(db, KEY, 'Громов Глеб Геннадьевич')).length, 2, 'the keyed hash still finds the person');
      const judge = await db.query<{ judge: string }>('select judge from cases where judge is not null limit 1');
      assert.equal(judge[0]?.judge, 'Судьин С.С.', 'the judge field is kept as published');
      const [article] = await db.query<{ result_text: string }>('select result_text from cases where case_uid = $1', ['uid-1']);
      assert.match(article?.result_text ?? '', /ст\. 337 ч\. 5 УК РФ/, 'article references stay readable');
    });

    it('property: names in every form, in every field kind of both layouts, never survive in any column', async () => {
      let n = 100;
      await fc.assert(
        fc.asyncProperty(person, style, fc.constantFrom<Layout>('classic', 'new'), async (p, s, layout) => {
          n += 1;
          // Each run on its own: what an earlier run stored must not be blamed on this one.
          await emptyArchive(db);
          const name = (c: Case) => written(p, c, s);
          await ingestPage(db, directory, input(renderNamedCard(slots(name, written(p, 'nom', { ...s, capitals: true })), layout, n), cardUrl(layout, n)), KEY);
          await ingestPage(
            db,
            directory,
            input(
              renderNamedList(
                [
                  {
                    info: `КАТЕГОРИЯ: Преступления против военной службы\n${name('nom')} - ст.337 ч.5 УК РФ`,
                    decision: PHRASES.gen(name('gen')),
                    judge: 'Судьин С.С.',
                  },
                ],
                layout,
                100_000 + n,
              ),
              listUrl(layout, n),
            ),
            KEY,
          );
          // An act page fetched on its own (no persons on it to learn from): the name model alone, which finds a name by
          // its pattern or lexicon only (a name with neither, "Пак Бадма", is found from the person fields of a page).
          if (p.known)
            await ingestPage(
              db,
              directory,
              input(
                renderNamedAct(`${PHRASES.acc(name('acc'))}. ${PHRASES.ins(name('ins'))}.`),
                `https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=${n}&delo_id=1540006&new=0&text_number=1`,
                { forCase: { caseUid: `uid-${n}`, caseId: String(n), deloId: '1540006', actTitle: 'Приговор' } },
              ),
              KEY,
            );
          const words = [...surnameWords(p), ...givenWords(p)];
          for (const { table, text } of await dumpDatabase(db, ['courts'])) {
            const found = hits(text, words);
            if (found.length) throw new Error(`${found.join(', ')} survive in ${table} (${s.order}${s.capitals ? ', capitals' : ''}, ${s.trick}, ${layout})`);
          }
          const full = written(p, 'nom', { order: 'SIO', capitals: false, yo: true, trick: 'none' });
          if ((await searchCases(db, full)).length > 0) throw new Error(`full-text search finds "${full}"`);
        }),
        { numRuns: 60, seed: 11 },
      );
    });

    it('scan: the names of the real fixture pages and of synthetic pages appear in no column and no API answer', async () => {
      // Cards under a card URL (the court's case ids), so that each is stored as a case, acts and all.
      for (const [i, file] of FIXTURE_PAGES.entries()) {
        const url =
          file.includes('card') || file.includes('koap') || file.includes('criminal')
            ? LENINSKY_URL.replace('case_id=100', `case_id=${200 + i}`).replace('aaaaaaaa', `${i}aaaaaaa`)
            : `file:${file}`;
        const result = await ingestPage(db, directory, input(fixture(file), url, { source: 'file', httpHeaders: null }), KEY);
        assert.equal(result.cases.unidentified, 0, file);
      }
      const [acts] = await db.query<{ n: number }>('select count(*)::int as n from case_acts');
      assert.ok((acts?.n ?? 0) >= 3, 'the act texts of the cards are stored');
      const cases = generateCases({ seed: 7, count: 12, courts: ['61GV0001', '77GV0011'], from: '2024-01-01', to: '2024-12-31' });
      for (const page of syntheticPages(cases, directory, 'directory')) await ingestPage(db, directory, input(page.bytes, page.url, { synthetic: true }), KEY);
      // Judges are published officially and kept in their own field: a person who shares a judge's surname (the
      // synthetic generator draws both from one list) cannot be told apart from the judge there, so is not scanned.
      const judges = cases.map((c) => c.judge.toLowerCase().replace(/ё/g, 'е'));
      const names = [...fixtureNames(), ...cases.map((c) => `${c.defendant.surname} ${c.defendant.name} ${c.defendant.patronymic}`)].filter(
        (name) => !judges.some((j) => surnamePattern(name)?.test(j)),
      );
      assert.ok(
        names.length >= 25 && names.includes('Орлова Вера Игоревна') && names.includes('Никитина Алина Романовна'),
        `names collected: ${names.join('; ')}`,
      );
      const patterns = names.map((name) => [name, surnamePattern(name)] as const);
      const tables = await dumpDatabase(db);
      const api = await apiText(app);
      const leaks: string[] = [];
      for (const [name, pattern] of patterns) {
        if (!pattern) continue;
        for (const { table, text } of [...tables.map((t) => ({ table: t.table, text: t.text })), { table: 'API', text: api }]) {
          const low = text.toLowerCase().replace(/ё/g, 'е');
          if (low.includes(name.toLowerCase().replace(/ё/g, 'е')) || pattern.test(low))
            leaks.push(`${name} in ${table}: …${low.slice(Math.max(0, low.search(pattern) - 40), low.search(pattern) + 40)}…`);
        }
      }
      assert.deepEqual(leaks, []);
      for (const name of names.filter((x) => x.split(/\s+/).length === 3 && !/\./.test(x))) {
        const r = await app.inject({ method: 'GET', url: `/api/v1/cases?q=${encodeURIComponent(name)}` });
        assert.equal(r.json<{ total: number }>().total, 0, `q=${name} finds a case`);
      }
    });

    it("names outside the lexicon in a list page's person lines reach neither storage nor full-text search", async () => {
      await emptyArchive(db);
      const html = Buffer.from(fixture('ksoyu_listing_acts.html'))
        .toString('utf8')
        .replace('Лосев К. Д.', 'Лим Ен Сук')
        .replace('Ефимов П. С.', 'Гульшат Шамсутдинова');
      await ingestPage(db, directory, input(new TextEncoder().encode(html), 'file:ksoyu-renamed.html', { source: 'file', httpHeaders: null }), KEY);
      const words = ['лим', 'ен', 'сук', 'гульшат', 'шамсутдинова', 'шамсутдиновой'];
      for (const { table, text } of await dumpDatabase(db, ['courts'])) assert.deepEqual(hits(text, words), [], `names in table ${table}`);
      for (const q of ['Лим Ен Сук', 'Гульшат Шамсутдинова', 'Шамсутдинова']) assert.deepEqual(await searchCases(db, q), [], `search "${q}"`);
    });

    it('a list line stored by an older stage with a name outside the lexicon is redone, and the name is caught elsewhere in the case', async () => {
      await emptyArchive(db);
      await ingestPage(
        db,
        directory,
        input(
          renderNamedList(
            [{ info: 'КАТЕГОРИЯ: Преступления против военной службы\nЛ.К.Д. - ст.337 ч.5 УК РФ', decision: 'Вынесен ПРИГОВОР', judge: 'Судьин С.С.' }],
            'new',
            7000,
          ),
          listUrl('new', 70),
        ),
        KEY,
      );
      const [row] = await db.query<{ id: number }>('select id from cases limit 1');
      await db.query(
        `update cases set redaction = 1, result_text = 'Вынесен ПРИГОВОР в отношении Пака Бадмы', search = to_tsvector('russian', 'Пак Бадма'),
                record = jsonb_set(jsonb_set(record, '{list,info,1,value}', '"Пак Бадма - ст.337 ч.5 УК РФ"'), '{list,decision}', '"Вынесен ПРИГОВОР в отношении Пака Бадмы"') where id = $1`,
        [row?.id],
      );
      assert.equal(await reRedactStored(db), 1);
      for (const { table, text } of await dumpDatabase(db, ['courts'])) assert.deepEqual(hits(text, ['пак', 'пака', 'бадма', 'бадмы']), [], table);
      assert.deepEqual(await searchCases(db, 'Пак Бадма'), []);
    });

    it('cases written by an older stage are redone: record, columns, events and the full-text index', async () => {
      const plain = {
        nom: 'Синёв Олег Олегович',
        gen: 'Синёва Олега Олеговича',
        dat: 'Синёву Олегу',
        acc: 'Синёва О.О.',
        ins: 'Синёвым О.О.',
        pre: 'Синёве О. О.',
      };
      await ingestPage(
        db,
        directory,
        input(
          renderNamedCard(
            slots((c) => plain[c], 'Военная прокуратура'),
            'new',
            9001,
          ),
          cardUrl('new', 9001),
        ),
        KEY,
      );
      const [row] = await db.query<{ id: number }>("select id from cases where case_uid = 'uid-9001'");
      await db.query(
        `update cases set result_text = 'в отношении Громова Глеба Геннадьевича', search = to_tsvector('russian', 'Громов Глеб Геннадьевич'), redaction = 0,
                record = jsonb_set(record, '{card,resultText}', '"в отношении Громова Глеба Геннадьевича"') where id = $1`,
        [row?.id],
      );
      await db.query("update case_events set basis = 'с Громовым Глебом Геннадьевичем' where case_id = $1", [row?.id]);
      assert.equal((await searchCases(db, 'Громов Глеб')).length, 1, 'the planted leak is found before');
      assert.equal(await reRedactStored(db), 1);
      assert.deepEqual(await searchCases(db, 'Громов Глеб'), []);
      for (const { table, text } of await dumpDatabase(db)) assert.deepEqual(hits(text, ['громова', 'громовым', 'глеба', 'глебом', 'громов']), [], table);
      assert.equal(await reRedactStored(db), 0, 'idempotent');
    });
  });
}

/**
 * Empties the archive between runs. The cascade reaches the append-only custody table (evidence_exports), whose
 * TRUNCATE trigger refuses even an empty table: its triggers are off for this statement only (the test cluster's
 * user may do that; the application never does).
 */
async function emptyArchive(db: { exec(sql: string): Promise<unknown> }): Promise<void> {
  await db.exec(
    'set session_replication_role = replica; truncate case_history, case_acts, case_events, case_articles, case_defendants, cases, captures, blobs cascade; reset session_replication_role',
  );
}

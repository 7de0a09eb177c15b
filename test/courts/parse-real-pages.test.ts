// Every real page in test/fixtures/courts, with expected values written by hand from reading the page
// source (see test/fixtures/courts/SOURCES.md). Names are the fictitious ones of the privacy scrub (SCRUB.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomeFromAct } from '../../src/courts/parse/outcome.ts';
import { parsePage } from '../../src/courts/parse/page.ts';
import type { CaseCard, CaseList, ParsedPage } from '../../src/courts/parse/types.ts';
import { fixture } from '../helpers/fixtures.ts';

function card(page: ParsedPage): CaseCard {
  assert.equal(page.kind, 'case_card');
  return (page as Extract<ParsedPage, { kind: 'case_card' }>).card;
}
function list(page: ParsedPage): CaseList {
  assert.equal(page.kind, 'case_list');
  return (page as Extract<ParsedPage, { kind: 'case_list' }>).list;
}

describe('classifier on every real page', () => {
  const expected: [string, string, string | null][] = [
    ['blag_card.html', 'case_card', 'new'],
    ['kirov_koap.html', 'case_card', 'classic'],
    ['ksoyu_listing_acts.html', 'case_list', 'classic'],
    ['ksoyu_listing_captcha_gate.html', 'captcha_wrong', null],
    ['ksoyu_temporarily_unavailable.html', 'throttled', null],
    ['leninsky_ufa_criminal.html', 'case_card', 'classic'],
    ['samara_kas_appeal_card.html', 'case_card', 'new'],
    ['samara_kas_appeal_uid_results.html', 'case_list', 'new'],
    ['sudrf_captcha_form.html', 'captcha_form', null],
  ];
  for (const [file, kind, layout] of expected) {
    it(`${file} is ${kind}`, () => {
      const page = parsePage({ bytes: fixture(file) });
      assert.equal(page.kind, kind);
      if (layout) assert.equal(page.layout, layout);
    });
  }
  it('a 429 and a 403 are typed outcomes whatever the body', () => {
    assert.equal(parsePage({ bytes: fixture('leninsky_ufa_criminal.html'), status: 429 }).kind, 'rate_limited');
    assert.equal(parsePage({ bytes: Buffer.from('<html><body>Forbidden</body></html>'), status: 403 }).kind, 'waf_block');
  });
  it('recognises geo-block, WAF, PHP error and empty-result texts', () => {
    const page = (body: string) => parsePage({ bytes: Buffer.from(`<html><body><div id="modSdpContent">${body}</div></body></html>`) }).kind;
    assert.equal(page('Этот запрос заблокирован по соображениям безопасности (G). Ваш IP: 192.0.2.1'), 'geo_block');
    assert.equal(page('Данный запрос некорректен, просьба изменить параметры запроса (B)'), 'waf_block');
    assert.equal(page('<b>Warning</b>: pg_query(): Query failed'), 'php_error');
    assert.equal(page('Данных по запросу не обнаружено'), 'empty_result');
    assert.equal(page('something else'), 'unknown');
  });
});

describe('decoding: trust the bytes, not the meta tag', () => {
  it("reads the raw windows-1251 captcha form: id, image and the form's hidden fields", () => {
    const page = parsePage({ bytes: fixture('sudrf_captcha_form.html') });
    assert.equal(page.kind, 'captcha_form');
    if (page.kind !== 'captcha_form') return;
    assert.equal(page.courtVnkod, '78OS0000');
    assert.equal(page.captcha.captchaId, 'v3ruvq66jtumpc886v4g0fp6o7');
    const png = Buffer.from(page.captcha.pngBase64 ?? '', 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [100, 30], 'IHDR: 100 × 30 pixels');
    assert.deepEqual(page.captcha.hidden, [
      ['name', 'sud_delo'],
      ['srv_num', '1'],
      ['name_op', 'r'],
      ['delo_id', '5'],
      ['case_type', '0'],
      ['new', '5'],
      ['delo_table', 'g2_case'],
      ['G2_CASE__COURT_I_REGION_ID', ''],
      ['G2_CASE__COURT_I', ''],
      ['G2_CASE__M_SUB_TYPE', ''],
      ['G2_CASE__JUDGE', ''],
      ['G2_CASE__RESULT', ''],
      ['G2_CASE__BUILDING_ID', ''],
      ['G2_CASE__JUDGE_I', ''],
      ['G2_CASE__COURT_STRUCT', ''],
      ['G2_EVENT__EVENT_NAME', ''],
      ['G2_PARTS__PARTS_TYPE', ''],
      ['G2_RKN_ACCESS_RESTRICTION__RKN_REASON', ''],
      ['G2_ORDER_INFO__STATE_ID', ''],
      ['G2_ORDER_INFO__RECIP_ID', ''],
    ]);
  });
  it('reads UTF-8 pages whose meta says windows-1251', () => {
    assert.equal(card(parsePage({ bytes: fixture('leninsky_ufa_criminal.html') })).caseNumber, '1-151/2026');
  });
});

describe('classic card: leninsky_ufa_criminal.html (criminal, first instance)', () => {
  const c = card(parsePage({ bytes: fixture('leninsky_ufa_criminal.html') }));
  it('case info', () => {
    assert.equal(c.layout, 'classic');
    assert.equal(c.courtVnkod, '03RS0004');
    assert.equal(c.proceeding, 'Уголовные дела - первая инстанция');
    assert.equal(c.caseNumber, '1-151/2026');
    assert.equal(c.judicialUid, '03RS0003-01-2026-003803-62');
    assert.equal(c.ids.deloId, '1540006');
    assert.equal(c.receiptDate, '2026-04-22');
    assert.equal(c.judge, 'Ардуванова Д.Р.');
    assert.equal(c.hearingDate, '2026-05-06');
    assert.equal(c.resultText, 'Уголовное дело ПРЕКРАЩЕНО\nназначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)');
    assert.equal(c.outcome?.outcome, 'termination');
    assert.equal(c.outcome?.ground, 'court_fine');
    assert.deepEqual(c.info.find((p) => p.label === 'Признак рассмотрения дела')?.value, 'Рассмотрено единолично судьей');
    assert.match(c.info[0]?.href ?? '', /name_op=r_juid&vnkod=03RS0004/);
  });
  it('tabs found by label', () => {
    assert.deepEqual(
      c.tabs.map((t) => t.label),
      ['ДЕЛО', 'ДВИЖЕНИЕ ДЕЛА', 'ЛИЦА', 'СТОРОНЫ', 'ИСПОЛНИТЕЛЬНЫЕ ЛИСТЫ', 'СУДЕБНЫЕ АКТЫ'],
    );
  });
  it('movement events', () => {
    assert.equal(c.events.length, 5);
    assert.deepEqual(c.events[0], {
      name: 'Регистрация поступившего в суд дела',
      date: '2026-04-22',
      time: '15:56',
      place: null,
      result: null,
      basis: null,
      note: null,
      publishedDate: '2026-04-22',
      extra: {},
    });
    assert.deepEqual(c.events[3], {
      name: 'Судебное заседание',
      date: '2026-05-06',
      time: '10:00',
      place: 'Зал №1',
      result: 'Производство по делу прекращено',
      basis: 'назначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)',
      note: null,
      publishedDate: '2026-04-29',
      extra: {},
    });
    assert.equal(c.events[4]?.name, 'Дело сдано в отдел судебного делопроизводства');
  });
  it('defendant with structured articles', () => {
    assert.equal(c.defendants.length, 1);
    const d = c.defendants[0];
    assert.equal(d?.name, 'Никитина Алина Романовна');
    assert.deepEqual(d?.articles, [{ code: 'УК РФ', article: '173.1', part: '2', point: 'б', raw: 'ст.173.1 ч.2 п.б' }]);
    assert.equal(d?.decisionDate, '2026-05-06');
    assert.equal(d?.outcome?.outcome, 'termination');
  });
  it('parties', () => {
    assert.deepEqual(
      c.parties.map((p) => p.role),
      ['Защитник (адвокат)', 'Прокурор'],
    );
    assert.equal(c.parties[1]?.name, 'Прокуратура Кировского района г.Уфа, Соколов Д.И.');
  });
  it('writs are kept raw', () => {
    const writs = c.tabs.find((t) => t.label === 'ИСПОЛНИТЕЛЬНЫЕ ЛИСТЫ');
    assert.deepEqual(writs?.tables[0]?.rows[0], [
      '22.05.2026',
      '',
      '03RS0004#1-151/2026#1',
      'Выдан',
      'Специализированный отдел судебных приставов по Республике Башкортостан',
    ]);
  });
  it('the act, depersonalised as published', () => {
    assert.equal(c.acts.length, 1);
    assert.equal(c.acts[0]?.title, 'Судебный акт #1 (Постановление)');
    assert.equal(c.acts[0]?.actType, 'Постановление');
    assert.match(c.acts[0]?.text ?? '', /^дело № 1 – 151\/2026\nПОСТАНОВЛЕНИЕ\nг\. Уфа 06 мая 2026 года/);
    assert.match(c.acts[0]?.text ?? '', /Н\.А\.Р\./);
  });
  it('the act\'s operative part says the same as the result field ("на основании ст. 25.1 УПК РФ, прекратить", судебный штраф)', () => {
    const fromAct = outcomeFromAct(c.acts[0]?.title ?? '', c.acts[0]?.text ?? '');
    assert.deepEqual([fromAct?.outcome, fromAct?.ground, fromAct?.source], ['termination', 'court_fine', 'act']);
  });
});

describe('classic card: kirov_koap.html (administrative offence)', () => {
  const c = card(parsePage({ bytes: fixture('kirov_koap.html') }));
  it('case info, including labels other cards lack', () => {
    assert.equal(c.courtVnkod, '43RS0001');
    assert.equal(c.caseNumber, '5-174/2026');
    assert.equal(c.judicialUid, '43RS0001-01-2026-000667-40');
    assert.equal(c.ids.deloId, '1500001');
    assert.equal(c.receiptDate, '2026-04-15');
    assert.equal(c.judge, 'Глушков А.С.');
    assert.equal(c.hearingDate, '2026-06-05');
    assert.equal(c.info.find((p) => p.label === 'Номер по предыдущей регистрации')?.value, '5-78/2026');
    assert.equal(c.info.find((p) => p.label === 'Номер протокола об АП')?.value, '00024326-АП Управление Минюста РФ по Кир.обл.');
    assert.equal(c.outcome?.outcome, 'conviction');
  });
  it("tabs in this proceeding's order", () => {
    assert.deepEqual(
      c.tabs.map((t) => t.label),
      ['ДЕЛО', 'ДВИЖЕНИЕ ДЕЛА', 'СТОРОНЫ ПО ДЕЛУ', 'ПЕРЕСМОТР ПОСТАНОВЛЕНИЙ И РЕШЕНИЙ', 'СУДЕБНЫЕ АКТЫ'],
    );
  });
  it('events, parties with articles, the person brought to liability', () => {
    assert.equal(c.events.length, 7);
    assert.deepEqual([c.events[0]?.name, c.events[0]?.date, c.events[0]?.time], ['Передача дела судье', '2026-04-15', '11:06']);
    assert.deepEqual([c.events[6]?.name, c.events[6]?.date], ['Материалы дела сданы в отдел судебного делопроизводства', '2026-06-18']);
    assert.deepEqual(
      c.parties.map((p) => [p.role, p.name]),
      [
        ['ПРИВЛЕКАЕМОЕ ЛИЦО', 'Орлова Вера Игоревна'],
        ['Представитель', 'Зайцева Татьяна Олеговна'],
        ['Представитель', 'Лебедева Ирина Павловна'],
      ],
    );
    assert.deepEqual(
      c.defendants.map((d) => d.articles),
      [[{ code: 'КоАП РФ', article: '19.34', part: '1', point: null, raw: 'ст.19.34 ч.1' }]],
    );
  });
  it('review of the decision', () => {
    assert.deepEqual(
      c.appeals.map((a) => [a.label, a.value]),
      [
        ['Заявитель', 'Представитель'],
        ['Результат обжалования', 'Без изменения'],
        ['Результат в отношении постановления', 'Без изменения'],
      ],
    );
  });
  it('act text with FIO tokens', () => {
    assert.equal(c.acts.length, 1);
    assert.match(c.acts[0]?.text ?? '', /ОВИ/);
  });
});

describe('new-layout card: blag_card.html (civil, parties hidden)', () => {
  const c = card(parsePage({ bytes: fixture('blag_card.html') }));
  it('case info', () => {
    assert.equal(c.layout, 'new');
    assert.equal(c.courtVnkod, '28RS0004');
    assert.equal(c.proceeding, 'Гражданские дела - первая инстанция');
    assert.equal(c.caseNumber, '2-5/2026 ~ М-7523/2025');
    assert.equal(c.judicialUid, '28RS0004-01-2025-018120-67');
    assert.equal(c.receiptDate, '2025-12-15');
    assert.equal(c.judge, 'Приходько А.В.');
    assert.equal(
      c.category,
      'Споры, возникающие из семейных правоотношений →\nДругие, возникающие из семейных отношений →\nОб изменении размера или формы взыскания алиментов',
    );
    assert.equal(c.resultText, null);
    assert.deepEqual(
      c.tabs.map((t) => t.label),
      ['Дело', 'Движение дела', 'Стороны'],
    );
  });
  it('events from the desktop table only (mobile copies ignored)', () => {
    assert.equal(c.events.length, 7);
    assert.deepEqual([c.events[0]?.name, c.events[0]?.date, c.events[0]?.time], ['Регистрация иска (заявления, жалобы) в суде', '2025-12-15', '16:36']);
    assert.deepEqual(
      [c.events[6]?.name, c.events[6]?.date, c.events[6]?.place, c.events[6]?.result],
      ['Судебное заседание', '2026-01-28', '301', 'Производство по делу приостановлено'],
    );
  });
  it('hidden parties are flagged, not taken for names', () => {
    assert.deepEqual(
      c.parties.map((p) => [p.role, p.hidden]),
      [
        ['ИСТЕЦ', true],
        ['ОТВЕТЧИК', true],
        ['ПРЕДСТАВИТЕЛЬ', true],
        ['ПРЕДСТАВИТЕЛЬ', true],
        ['ПРЕДСТАВИТЕЛЬ', true],
      ],
    );
    assert.equal(c.defendants.length, 0);
  });
});

describe('new-layout card: samara_kas_appeal_card.html (appeal with act)', () => {
  const url =
    'https://oblsud--sam.sudrf.ru/modules.php?name=sud_delo&name_op=case&_id=45090185&_uid=70f25bb3-b647-4795-a592-61e457a42ea7&_deloId=1540005&_caseType=0&_new=5&srv_num=1';
  const c = card(parsePage({ bytes: fixture('samara_kas_appeal_card.html'), url }));
  it('case info and the first-instance block', () => {
    assert.equal(c.courtVnkod, '63OS0000');
    assert.equal(c.proceeding, 'Гражданские и административные дела - апелляция');
    assert.equal(c.caseNumber, '33а-647/2026 (33а-11786/2025;)');
    assert.equal(c.judicialUid, '63RS0042-01-2025-002452-47');
    assert.equal(c.receiptDate, '2025-11-10');
    assert.equal(c.judge, 'Пудовкина Е. С.');
    assert.equal(c.hearingDate, '2026-01-13');
    assert.equal(c.resultText, 'РЕШЕНИЕ оставлено БЕЗ ИЗМЕНЕНИЯ');
    assert.equal(c.outcome?.outcome, 'upheld');
    assert.deepEqual(c.lowerCourt, { court: 'Куйбышевский районный суд г. Самары', caseNumber: '2а-1905/2025 ~ М-1367/2025', judge: null, region: null });
  });
  it('case ids from the URL', () => {
    assert.deepEqual(c.ids, { caseId: '45090185', caseUid: '70f25bb3-b647-4795-a592-61e457a42ea7', deloId: '1540005', newCode: '5' });
  });
  it('appeal event table with its own column order', () => {
    assert.equal(c.events.length, 6);
    assert.deepEqual(
      [c.events[1]?.name, c.events[1]?.date, c.events[1]?.time, c.events[1]?.result, c.events[1]?.publishedDate],
      ['Судебное заседание', '2025-12-09', '14:00', 'Отложено', '2025-11-12'],
    );
    assert.equal(c.events[5]?.name, 'Передано в экспедицию');
  });
  it('persons (desktop table once) and the act tab', () => {
    assert.equal(c.parties.length, 6);
    assert.deepEqual(c.parties[1], { role: 'АДВОКАТ', name: 'Гусева Л.В.', hidden: false, articles: [], extra: {} });
    assert.deepEqual(
      c.tabs.map((t) => t.label),
      ['Дело', 'Движение дела', 'Лица', 'Судебный акт #1 (Определение)'],
    );
    assert.equal(c.acts[0]?.actType, 'Определение');
    assert.match(c.acts[0]?.text ?? '', /АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ/);
  });
});

describe('classic list: ksoyu_listing_acts.html', () => {
  const pageUrl = 'https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=1';
  const l = list(parsePage({ bytes: fixture('ksoyu_listing_acts.html'), url: pageUrl }));
  it('counter, range and pagination', () => {
    assert.equal(l.courtVnkod, '77KJ0002');
    assert.equal(l.proceeding, 'Гражданские дела - кассация');
    assert.equal(l.total, 530);
    assert.equal(l.rangeFrom, 1);
    assert.equal(l.rangeTo, 25);
    assert.equal(l.currentPage, 1);
    assert.equal(l.pageCount, 22);
    assert.deepEqual(
      l.pageUrls.map((p) => p.page),
      [2, 3, 22],
    );
    assert.match(l.pageUrls[0]?.url ?? '', /^https:\/\/2kas\.sudrf\.ru\/modules\.php\?.*page=2.*Submit=%CD%E0%E9%F2%E8$/);
  });
  it('25 rows, first row in full', () => {
    assert.equal(l.rows.length, 25);
    const r = l.rows[0];
    assert.equal(r?.caseNumber, '8Г-15211/2026 [88-14715/2026]');
    assert.deepEqual(r?.ids, { caseId: '18223875', caseUid: '3128af6a-aafd-43ab-a873-18c4f46b860e', deloId: '2800001', newCode: '2800001' });
    assert.equal(r?.receiptDate, '2026-04-28');
    assert.equal(r?.category, 'Споры, связанные с имущественными правами → Иски о взыскании сумм по договору займа, кредитному договору');
    assert.deepEqual(
      r?.info.map((i) => i.label),
      ['КАТЕГОРИЯ', 'Жалобу подал(а)', 'Суд (судебный участок) первой инстанции', 'Номер дела в первой инстанции'],
    );
    assert.equal(r?.info[1]?.value, 'Лосев К. Д.');
    assert.equal(r?.info[3]?.value, '2-5462/2025');
    assert.equal(r?.judge, 'Попова Елена Викторовна');
    assert.equal(r?.decisionDate, '2026-05-14');
    assert.equal(r?.decision, 'Жалоба / представление ОСТАВЛЕНО БЕЗ УДОВЛЕТВОРЕНИЯ');
    assert.deepEqual(r?.acts, [
      {
        url: 'https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=18565938&delo_id=2800001&new=2800001&text_number=1',
        title: 'Постановления',
      },
    ]);
  });
  it('last row', () => {
    assert.equal(l.rows[24]?.caseNumber, '8Г-13599/2026 [88-13309/2026]');
    assert.equal(l.rows[24]?.receiptDate, '2026-04-14');
  });
});

describe('new-layout list: samara_kas_appeal_uid_results.html', () => {
  const l = list(parsePage({ bytes: fixture('samara_kas_appeal_uid_results.html') }));
  it('one hit, counted once although the mobile block repeats it', () => {
    assert.equal(l.total, 1);
    assert.equal(l.rangeFrom, 1);
    assert.equal(l.rangeTo, 1);
    assert.equal(l.rows.length, 1);
    assert.equal(l.pageCount, 1);
  });
  it('the row', () => {
    const r = l.rows[0];
    assert.equal(r?.caseNumber, '33а-647/2026 (33а-11786/2025;)');
    assert.deepEqual(r?.ids, { caseId: '45090185', caseUid: '70f25bb3-b647-4795-a592-61e457a42ea7', deloId: '1540005', newCode: '5' });
    assert.equal(r?.receiptDate, '2025-11-10');
    assert.deepEqual(
      r?.info.map((i) => i.label),
      ['КАТЕГОРИЯ', 'ИСТЕЦ(ЗАЯВИТЕЛЬ)', 'ОТВЕТЧИК', 'ЛИЦА'],
    );
    assert.equal(r?.info[3]?.value, 'Гусева Л.В.');
    assert.equal(r?.judge, 'Пудовкина Е. С.');
    assert.equal(r?.decisionDate, '2026-01-13');
    assert.equal(r?.decision, 'РЕШЕНИЕ оставлено БЕЗ ИЗМЕНЕНИЯ');
    assert.equal(r?.legalForceDate, null);
    assert.deepEqual(
      r?.acts.map((a) => a.title),
      ['Определение'],
    );
  });
});

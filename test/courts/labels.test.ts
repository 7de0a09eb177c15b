// Labels vary more than one page shows. Each test takes a real fixture page, changes only the label the issue
// reports seen elsewhere (issue 17), and expects the values read by hand from the unchanged page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomeFromAct } from '../../src/courts/parse/outcome.ts';
import { parsePage } from '../../src/courts/parse/page.ts';
import { INFO_LABELS, isInfoTable } from '../../src/courts/parse/synonyms.ts';
import type { CaseCard, ParsedPage } from '../../src/courts/parse/types.ts';
import { fixture } from '../helpers/fixtures.ts';

function card(page: ParsedPage): CaseCard {
  assert.equal(page.kind, 'case_card');
  return (page as Extract<ParsedPage, { kind: 'case_card' }>).card;
}
function changed(file: string, from: string | RegExp, to: string, times = 1): Buffer {
  const html = fixture(file).toString('utf8');
  const count = typeof from === 'string' ? html.split(from).length - 1 : (html.match(new RegExp(from.source, 'g')) ?? []).length;
  assert.equal(count, times, `${String(from)} occurs ${times} time(s) in ${file}`);
  return Buffer.from(typeof from === 'string' ? html.split(from).join(to) : html.replace(new RegExp(from.source, 'g'), to));
}

describe('the info table found by its content as well as its label', () => {
  it('kirov_koap.html with its first tab labelled ЖАЛОБА instead of ДЕЛО still gives UID, dates, judge and result', () => {
    let bytes = changed('kirov_koap.html', '&nbsp;ДЕЛО&nbsp;', '&nbsp;ЖАЛОБА&nbsp;');
    bytes = Buffer.from(bytes.toString('utf8').replace('valign="center">ДЕЛО</th>', 'valign="center">ЖАЛОБА</th>'));
    const c = card(parsePage({ bytes }));
    assert.equal(c.tabs[0]?.label, 'ЖАЛОБА');
    assert.equal(c.judicialUid, '43RS0001-01-2026-000667-40');
    assert.equal(c.receiptDate, '2026-04-15');
    assert.equal(c.hearingDate, '2026-06-05');
    assert.equal(c.judge, 'Глушков А.С.');
    assert.equal(c.outcome?.outcome, 'conviction');
    // The info rows are not taken for the review of the decision: the appeals are the ПЕРЕСМОТР tab's three.
    assert.deepEqual(
      c.appeals.map((a) => a.label),
      ['Заявитель', 'Результат обжалования', 'Результат в отношении постановления'],
    );
  });
  it('a tab of events or persons is never taken for the info table', () => {
    assert.equal(isInfoTable(['Наименование события', 'Дата']), false);
    assert.equal(isInfoTable(['Уникальный идентификатор дела']), true);
  });
});

describe('label synonyms', () => {
  for (const label of ['Председательствующий судья', 'Судья (мировой судья)']) {
    it(`the judge under "${label}" (leninsky_ufa_criminal.html: Ардуванова Д.Р.)`, () => {
      const c = card(parsePage({ bytes: changed('leninsky_ufa_criminal.html', '<b>Судья</b>', `<b>${label}</b>`) }));
      assert.equal(c.judge, 'Ардуванова Д.Р.');
    });
  }
  it('plural event headers ("Основания …") fill the basis, not `extra`', () => {
    const c = card(
      parsePage({ bytes: changed('leninsky_ufa_criminal.html', 'Основание для выбранного результата события', 'Основания для выбранного результата события') }),
    );
    assert.equal(c.events[3]?.basis, 'назначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)');
    assert.deepEqual(c.events[3]?.extra, {});
  });
  it('every synonym records where it was seen', () => {
    for (const variants of Object.values(INFO_LABELS)) for (const v of variants) assert.ok(v.seen.length > 0 && v.pattern.test(v.example), v.example);
  });
});

describe('complaints, acts, court names', () => {
  it('kirov_koap.html: the rows after "---=== ДВИЖЕНИЕ ЖАЛОБЫ ===---" keep the complaint\'s number "ЖАЛОБА № 1*"', () => {
    const c = card(parsePage({ bytes: fixture('kirov_koap.html') }));
    assert.deepEqual(
      c.appeals.map((a) => [a.section, a.label, a.value]),
      [
        ['ЖАЛОБА № 1*', 'Заявитель', 'Представитель'],
        ['ЖАЛОБА № 1* / ДВИЖЕНИЕ ЖАЛОБЫ', 'Результат обжалования', 'Без изменения'],
        ['ЖАЛОБА № 1* / ДВИЖЕНИЕ ЖАЛОБЫ', 'Результат в отношении постановления', 'Без изменения'],
      ],
    );
  });
  it("the act type comes from the act's heading, not the tab title", () => {
    // samara_kas_appeal_card.html: "АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ".
    assert.equal(card(parsePage({ bytes: fixture('samara_kas_appeal_card.html') })).acts[0]?.actType, 'Определение');
    // leninsky_ufa_criminal.html's act is headed "ПОСТАНОВЛЕНИЕ": a tab titled "(Приговор)" does not make it one.
    const c = card(parsePage({ bytes: changed('leninsky_ufa_criminal.html', 'Судебный акт #1 (Постановление)', 'Судебный акт #1 (Приговор)') }));
    assert.equal(c.acts[0]?.title, 'Судебный акт #1 (Приговор)');
    assert.equal(c.acts[0]?.actType, 'Постановление');
    const fromAct = outcomeFromAct(c.acts[0]?.title ?? '', c.acts[0]?.text ?? '');
    assert.deepEqual([fromAct?.outcome, fromAct?.ground], ['termination', 'court_fine']);
  });
  it('an act-text page saved without its URL is recognised by its content', () => {
    // The act of leninsky_ufa_criminal.html as the act-text page (name_op=doc) serves it: the text in div#content.
    const html = fixture('leninsky_ufa_criminal.html').toString('utf8');
    const start = html.indexOf('<span style="TEXT-ALIGN: justify">');
    const end = html.indexOf('</span></div>', html.indexOf('Д.Р. Ардуванова')) + '</span>'.length;
    assert.ok(start > 0 && end > start);
    const page = parsePage({
      bytes: Buffer.from(
        `<html><head><title>Документ</title></head><body><div id="modSdpContent"><div id="content">${html.slice(start, end)}</div></div></body></html>`,
      ),
    });
    assert.equal(page.kind, 'act_text');
    if (page.kind !== 'act_text') return;
    assert.match(page.text, /^дело № 1 – 151\/2026\nПОСТАНОВЛЕНИЕ\nг\. Уфа 06 мая 2026 года/);
    assert.match(page.text, /Д\.Р\. Ардуванова$/);
    // A file's name is no URL either; a court URL says what the page is, and a card's URL is not an act's.
    const bytes = Buffer.from(`<html><body><div id="modSdpContent"><div id="content">${html.slice(start, end)}</div></div></body></html>`);
    assert.equal(parsePage({ bytes, url: 'file:saved/act.html' }).kind, 'act_text');
    assert.equal(parsePage({ bytes, url: 'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=1' }).kind, 'unknown');
  });
  it('a page that only mentions a judgment is not an act text', () => {
    const page = parsePage({
      bytes: Buffer.from('<html><body><div id="modSdpContent"><p>Суд вынес приговор; постановил и установил многое.</p></div></body></html>'),
    });
    assert.equal(page.kind, 'unknown');
  });
  it("the court's name from the page header", () => {
    assert.equal(card(parsePage({ bytes: fixture('leninsky_ufa_criminal.html') })).courtName, 'Ленинский районный суд г. Уфы Республики Башкортостан');
    assert.equal(card(parsePage({ bytes: fixture('blag_card.html') })).courtName, 'Благовещенский городской суд Амурской области');
    const list = parsePage({ bytes: fixture('ksoyu_listing_acts.html') });
    assert.equal(list.kind === 'case_list' ? list.list.courtName : null, 'Второй кассационный суд общей юрисдикции');
  });
});

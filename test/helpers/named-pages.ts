// SYNTHETIC court pages of both layouts (structure as in src/courts/synthetic/render.ts) whose every free-text
// field can carry a chosen text — used to prove that no personal name put there survives ingest. All names used
// with these pages are invented.
import iconv from 'iconv-lite';
import type { Layout } from '../../src/courts/parse/types.ts';
import { SYNTHETIC_MARKER } from '../../src/courts/synthetic/render.ts';

export interface CardSlots {
  /** The defendant as the ЛИЦА tab shows them. */
  person: string;
  caseResult: string;
  personResult: string;
  articles: string;
  category: string;
  event: { name: string; place: string; result: string; basis: string; note: string };
  /** Other parties (role, name), shown in a СТОРОНЫ tab. */
  parties: [string, string][];
  /** An act text (a tab of the card). */
  act: string;
  judge: string;
}

export interface ListSlots {
  info: string;
  decision: string;
  judge: string;
}

// Characters windows-1251 has no byte for (combining marks, zero-width characters) go in as character references.
const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0300-\u036f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, (ch) => `&#x${(ch.codePointAt(0) ?? 0).toString(16)};`);
const br = (s: string) => esc(s).replace(/\n/g, '<br>');
const head = (vnkod: string) =>
  `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">${SYNTHETIC_MARKER}<title>СИНТЕТИЧЕСКИЙ суд</title></head><body><a href="https://ej.sudrf.ru/?fromOa=${vnkod}">e</a>`;

export function cardUrl(layout: Layout, n: number): string {
  return layout === 'classic'
    ? `https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=${n}&case_uid=uid-${n}&delo_id=1540006&new=0`
    : `https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&name_op=case&_id=${n}&_uid=uid-${n}&_deloId=1540006&_caseType=0&_new=0&srv_num=1`;
}

export function renderNamedCard(s: CardSlots, layout: Layout, n: number, vnkod = '61GV0001'): Uint8Array {
  const judicialUid = `61GV0001-01-2024-${String(n).padStart(6, '0')}-11`;
  const evHead = [
    'Наименование события',
    'Дата',
    'Время',
    'Место проведения',
    'Результат события',
    'Основание для выбранного результата события',
    'Примечание',
    'Дата размещения',
  ];
  const e = s.event;
  const evRow = `<tr><td>${esc(e.name)}</td><td>12.03.2024</td><td>10:00</td><td>${esc(e.place)}</td><td>${br(e.result)}</td><td>${br(e.basis)}</td><td>${br(e.note)}</td><td>12.03.2024</td></tr>`;
  const personHead = ['Фамилия / наименование', 'Перечень статей', 'Дата рассмотрения дела в отношении лица', 'Результат в отношении лица'];
  const personRow = `<tr><td>${esc(s.person)}</td><td>${esc(s.articles)}</td><td>12.03.2024</td><td>${br(s.personResult)}</td></tr>`;
  const partyRowsClassic = s.parties.map(([role, name]) => `<tr><td>${esc(role)}</td><td>${esc(name)}</td><td></td></tr>`).join('');
  const partyRows = s.parties.map(([role, name]) => `<tr><td>${esc(role)}</td><td>${esc(name)}</td></tr>`).join('');
  if (layout === 'classic') {
    const pair = (label: string, value: string) => `<tr><td width="50%"><b>${label}</b></td><td>${value}</td></tr>`;
    const info = [
      pair('Уникальный идентификатор дела', judicialUid),
      pair('Дата поступления', '01.02.2024'),
      pair('Категория дела', esc(s.category)),
      pair('Судья', esc(s.judge)),
      pair('Дата рассмотрения', '12.03.2024'),
      pair('Результат рассмотрения', br(s.caseResult)),
    ].join('');
    const tabs = ['ДЕЛО', 'ДВИЖЕНИЕ ДЕЛА', 'ЛИЦА', 'СТОРОНЫ', 'Судебный акт #1 (Приговор)'];
    const html = `${head(vnkod)}<div id="modSdpContent"><div id="content"><div align="center" class="title">Уголовные дела - первая инстанция</div>
<div align="center" class="casenumber">ДЕЛО № 1-${n}/2024</div>
<ul class="tabs">${tabs.map((t, i) => `<li id="tab${i + 1}" class="${i === 0 ? 'sel' : 'nonsel'}"><a href="#">&nbsp;${t}&nbsp;</a></li>`).join('')}</ul>
<div class="contentt">
<div id="cont1"><table id="tablcont"><tr><th colspan="2">ДЕЛО</th></tr>${info}</table></div>
<div id="cont2" style="display: none"><table id="tablcont"><tr><th colspan="10">ДВИЖЕНИЕ ДЕЛА</th></tr><tr>${evHead.map((h) => `<td align="center"><b>${h}</b></td>`).join('')}</tr>${evRow}</table></div>
<div id="cont3" style="display: none"><table id="tablcont"><tr><th colspan="10">ЛИЦА</th></tr><tr>${personHead.map((h) => `<td align="center"><b>${h}</b></td>`).join('')}</tr>${personRow}</table></div>
<div id="cont4" style="display: none"><table id="tablcont"><tr><th colspan="10">СТОРОНЫ</th></tr><tr><td align="center"><b>Вид лица, участвующего в деле</b></td><td align="center"><b>Лицо, участвующее в деле (ФИО, наименование)</b></td><td align="center"><b>ИНН</b></td></tr>${partyRowsClassic}</table></div>
<div id="cont5" style="display: none"><div id="cont_doc1">${br(s.act)}</div></div>
</div></div></div></body></html>`;
    return iconv.encode(html, 'win1251');
  }
  const pair = (label: string, value: string) => `<tr><td><b>${label}</b></td><td>${value}</td></tr>`;
  const info = [
    pair('Уникальный идентификатор дела', judicialUid),
    pair('Дата поступления', '01.02.2024'),
    pair('Категория дела', esc(s.category)),
    pair('Судья', esc(s.judge)),
    pair('Дата рассмотрения', '12.03.2024'),
    pair('Результат рассмотрения', br(s.caseResult)),
  ].join('');
  const html = `${head(vnkod)}<div id="modSdpContent"><div id="search_results"><div class="name-instanse">Уголовные дела - первая инстанция</div>
<div class="container" id="case_window"><div class="case-num">ДЕЛО № 1-${n}/2024</div>
<ul id="case_bookmarks" class="bookmarks"><li id="tab_id_Case" class="active">Дело</li><li id="tab_id_EventList">Движение дела</li><li id="tab_id_DefList">Лица</li><li id="tab_id_Sides">Стороны</li><li id="tab_id_Doc1">Судебный акт #1 (Приговор)</li></ul>
<div class="lawcase-tab-content" id="tab_content_Case"><table class="law-case-table"><tbody>${info}</tbody></table></div>
<div class="lawcase-tab-content" id="tab_content_EventList" style="display: none;"><table class="law-case-table list none-mobile"><thead><tr>${evHead.map((h) => `<td>${h}</td>`).join('')}</tr></thead><tbody>${evRow}</tbody></table></div>
<div class="lawcase-tab-content" id="tab_content_DefList" style="display: none;"><table class="law-case-table list none-mobile"><thead><tr>${personHead.map((h) => `<td>${h}</td>`).join('')}</tr></thead><tbody>${personRow}</tbody></table>
<div class="mobile-lawcase-item block-mobile">${esc(s.person)}</div></div>
<div class="lawcase-tab-content" id="tab_content_Sides" style="display: none;"><table class="law-case-table list none-mobile"><thead><tr><td>Вид лица, участвующего в деле</td><td>Лицо, участвующее в деле (ФИО, наименование)</td></tr></thead><tbody>${partyRows}</tbody></table></div>
<div class="lawcase-tab-content" id="tab_content_Doc1" style="display: none;">${br(s.act)}</div>
</div></div></div></body></html>`;
  return iconv.encode(html, 'win1251');
}

export function listUrl(layout: Layout, n: number): string {
  return layout === 'classic'
    ? `https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=1&delo_id=1540006&x=${n}`
    : `https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&name_op=r&_page=1&_deloId=1540006&x=${n}`;
}

/** A result list with one row per slot (case ids `base`, `base+1`, …). */
export function renderNamedList(rows: ListSlots[], layout: Layout, base: number, vnkod = '61GV0001'): Uint8Array {
  const header = [
    '№ дела',
    'Дата поступления',
    'Категория / Стороны / Статьи',
    'Судья',
    'Дата решения',
    'Решение',
    'Дата вступления в законную силу',
    'Судебные акты',
  ];
  const row = (s: ListSlots, i: number) => {
    const n = base + i;
    const path = new URL(cardUrl(layout, n)).search;
    const link = `<a href="/modules.php${esc(path)}">1-${n}/2024</a>`;
    const cells = ['01.02.2024', br(s.info), esc(s.judge), '12.03.2024', br(s.decision), ''];
    return layout === 'classic'
      ? `<tr valign="top"><td>${link}<br></td>${cells.map((v) => `<td>${v}</td>`).join('')}<td>&nbsp;</td></tr>`
      : `<tr><td class="lawcase-number-td">${link}</td>${cells.map((v) => `<td class="vert-align">${v}</td>`).join('')}<td class="vert-align"></td></tr>`;
  };
  const total = rows.length;
  const html =
    layout === 'classic'
      ? `${head(vnkod)}<div id="modSdpContent"><div id="content"><div align="center" class="title">Уголовные дела - первая инстанция</div>
<table width="100%"><tr><td>Страницы : <b>1</b></td><td align="right">Всего по запросу найдено — ${total}. На странице записи с 1 по ${total}.</td></tr></table>
<table id="tablcont"><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map(row).join('')}</table></div></div></body></html>`
      : `${head(vnkod)}<div id="modSdpContent"><div id="search_results"><div class="name-instanse">Уголовные дела - первая инстанция</div>
<div class="lawcase-count">Всего по запросу найдено - <b>${total}</b>.&nbsp;<span>На странице записи с <b>1</b> по <b>${total}</b>.</span></div>
<div id="resultTable"><table class="law-case-table line-hover"><thead><tr>${header.map((h) => `<td>${h}</td>`).join('')}</tr></thead><tbody>${rows.map(row).join('')}</tbody></table></div>
</div></div></body></html>`;
  return iconv.encode(html, 'win1251');
}

/** An act-text page (name_op=doc). */
export function renderNamedAct(text: string): Uint8Array {
  return iconv.encode(
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">${SYNTHETIC_MARKER}</head><body><div id="modSdpContent"><div id="content"><p>${br(text)}</p></div></div></body></html>`,
    'win1251',
  );
}

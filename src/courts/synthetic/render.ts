import type { Layout } from '../layouts.ts';
import { SYNTHETIC_MARKER } from '../marker.ts';
import type { SyntheticCase } from './generate.ts';

/**
 * Renders SYNTHETIC cases as sudrf-engine pages of both layouts, following the structure of the real pages
 * (tabs, tables, labels, links, the mobile duplicates of the new layout). Each page carries the marker
 * `<meta name="otkaz-synthetic" content="true">` and a visible banner, so it can never pass as real.
 */
export { SYNTHETIC_MARKER };

const BANNER =
  '<div class="otkaz-synthetic" style="background:#fd0;padding:4px">СИНТЕТИЧЕСКИЕ ДАННЫЕ (SYNTHETIC DATA): вымышленное дело для демонстрации и тестов</div>';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ru = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');

function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

export function termText(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts: string[] = [];
  if (years) parts.push(`${years} ${plural(years, 'год', 'года', 'лет')}`);
  if (rest) parts.push(`${rest} ${plural(rest, 'месяц', 'месяца', 'месяцев')}`);
  return parts.join(' ');
}

export function articlesText(c: SyntheticCase): string {
  return `${c.articles.map((a) => `ст.${a.article}${a.part ? ` ч.${a.part}` : ''}`).join('; ')} УК РФ`;
}

/** The court's result wording for the case and for the person (as the real cards phrase them). */
export function resultTexts(c: SyntheticCase): { caseResult: string; personResult: string } {
  switch (c.outcome) {
    case 'imprisonment':
      return { caseResult: 'Вынесен ПРИГОВОР', personResult: `ОСУЖДЕН к лишению свободы на срок ${termText(c.termMonths ?? 12)}` };
    case 'suspended':
      return {
        caseResult: 'Вынесен ПРИГОВОР',
        personResult: `ОСУЖДЕН к лишению свободы на срок ${termText(c.termMonths ?? 12)} условно с испытательным сроком ${termText(c.probationMonths ?? 12)}`,
      };
    case 'disciplinary_unit':
      return { caseResult: 'Вынесен ПРИГОВОР', personResult: `ОСУЖДЕН к содержанию в дисциплинарной воинской части на срок ${termText(c.termMonths ?? 12)}` };
    case 'fine':
      return { caseResult: 'Вынесен ПРИГОВОР', personResult: `ОСУЖДЕН, назначен штраф в размере ${c.fineRub ?? 0} рублей` };
    case 'contract_signed':
      return {
        caseResult: 'Уголовное дело ПРЕКРАЩЕНО',
        personResult: 'Уголовное дело ПРЕКРАЩЕНО\nв связи с заключением контракта о прохождении военной службы (ст. 78.1 УК РФ)',
      };
    case 'court_fine':
      return {
        caseResult: 'Уголовное дело ПРЕКРАЩЕНО',
        personResult: 'Уголовное дело ПРЕКРАЩЕНО\nназначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)',
      };
    case 'pending':
      return { caseResult: '', personResult: '' };
  }
}

interface Event {
  name: string;
  date: string;
  time: string;
  place: string;
  result: string;
  basis: string;
  published: string;
}

export function events(c: SyntheticCase): Event[] {
  const list: Event[] = [
    { name: 'Регистрация поступившего в суд дела', date: c.receiptDate, time: '10:12', place: '', result: '', basis: '', published: c.receiptDate },
    { name: 'Передача материалов дела судье', date: c.receiptDate, time: '11:40', place: '', result: '', basis: '', published: c.receiptDate },
  ];
  if (c.version > 1 || c.decisionDate) {
    list.push({
      name: 'Судебное заседание',
      date: c.decisionDate ?? c.receiptDate,
      time: '10:00',
      place: 'Зал №2',
      result: c.decisionDate
        ? c.outcome === 'contract_signed' || c.outcome === 'court_fine'
          ? 'Производство по делу прекращено'
          : 'Вынесен приговор'
        : 'Отложено',
      basis: '',
      published: c.receiptDate,
    });
  }
  return list;
}

const br = (s: string) => esc(s).replace(/\n/g, '<br>');

function head(c: { courtVnkod: string }): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">${SYNTHETIC_MARKER}<title>СИНТЕТИЧЕСКИЙ гарнизонный военный суд</title></head><body>${BANNER}<a href="https://ej.sudrf.ru/?fromOa=${c.courtVnkod}">Подача документов в электронном виде</a>`;
}

export function cardPath(c: SyntheticCase, layout: Layout): string {
  return SHAPES[layout].cardPath(c);
}

function classicCard(c: SyntheticCase): string {
  const { caseResult, personResult } = resultTexts(c);
  const name = `${c.defendant.surname} ${c.defendant.name} ${c.defendant.patronymic}`;
  const pair = (label: string, value: string) => `<tr><td width="50%"><b>${label}</b></td><td>${value}</td></tr>`;
  const info = [
    pair(
      'Уникальный идентификатор дела',
      `<a href="/modules.php?name=sud_delo&amp;name_op=r_juid&amp;vnkod=${c.courtVnkod}&amp;srv_num=1&amp;delo_id=1540006&amp;case_type=0&amp;judicial_uid=${c.judicialUid}"><u>${c.judicialUid}</u></a>`,
    ),
    pair('Дата поступления', ru(c.receiptDate)),
    pair('Судья', esc(c.judge)),
    c.decisionDate ? pair('Дата рассмотрения', ru(c.decisionDate)) : '',
    caseResult ? pair('Результат рассмотрения', br(caseResult)) : '',
    pair('Признак рассмотрения дела', 'Рассмотрено единолично судьей'),
  ].join('');
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
  const evRows = events(c)
    .map(
      (e) =>
        `<tr><td>${esc(e.name)}</td><td>${ru(e.date)}</td><td>${e.time}</td><td>${esc(e.place)}</td><td>${esc(e.result)}</td><td>${esc(e.basis)}</td><td></td><td>${ru(e.published)}</td></tr>`,
    )
    .join('');
  const tabs = ['ДЕЛО', 'ДВИЖЕНИЕ ДЕЛА', 'ЛИЦА', 'СТОРОНЫ'];
  return `${head(c)}<div id="modSdpContent"><div id="content"><div align="center" class="title">Уголовные дела - первая инстанция</div>
<div align="center" class="casenumber">ДЕЛО № ${esc(c.caseNumber)}</div>
<ul class="tabs">${tabs.map((t, i) => `<li id="tab${i + 1}" class="${i === 0 ? 'sel' : 'nonsel'}"><a href="#" onclick="index(${i + 1}, ${tabs.length}); return false;">&nbsp;${t}&nbsp;</a></li>`).join('')}</ul>
<div class="contentt">
<div id="cont1"><table id="tablcont"><tr><th colspan="2">ДЕЛО</th></tr>${info}</table></div>
<div id="cont2" style="display: none"><table id="tablcont"><tr><th colspan="10">ДВИЖЕНИЕ ДЕЛА</th></tr><tr>${evHead.map((h) => `<td align="center"><b>${h}</b></td>`).join('')}</tr>${evRows}</table></div>
<div id="cont3" style="display: none"><table id="tablcont"><tr><th colspan="10">ЛИЦА</th></tr><tr><td align="center"><b>Фамилия / наименование</b></td><td align="center"><b>Перечень статей</b></td><td align="center"><b>Дата рассмотрения дела в отношении лица</b></td><td align="center"><b>Результат в отношении лица</b></td></tr>
<tr><td>${esc(name)}</td><td>${articlesText(c)}</td><td>${ru(c.decisionDate)}</td><td>${br(personResult)}</td></tr></table></div>
<div id="cont4" style="display: none"><table id="tablcont"><tr><th colspan="10">СТОРОНЫ</th></tr><tr><td align="center"><b>Вид лица, участвующего в деле</b></td><td align="center"><b>Лицо, участвующее в деле (ФИО, наименование)</b></td></tr>
<tr><td>Прокурор</td><td>Военная прокуратура гарнизона (синтетическая)</td></tr></table></div>
</div></div></div></body></html>`;
}

function newCard(c: SyntheticCase): string {
  const { caseResult, personResult } = resultTexts(c);
  const name = `${c.defendant.surname} ${c.defendant.name} ${c.defendant.patronymic}`;
  const pair = (label: string, value: string) => `<tr><td><b>${label}</b></td><td>${value}</td></tr>`;
  const info = [
    pair(
      'Уникальный идентификатор дела',
      `<a class="dashed" href="/modules.php?name=sud_delo&amp;name_op=r&amp;srv_num=1&amp;token=judicial_uid&amp;case__judicial_uidss=${c.judicialUid}&amp;_ord=asc">${c.judicialUid}</a>`,
    ),
    pair('Дата поступления', ru(c.receiptDate)),
    pair('Судья', esc(c.judge)),
    c.decisionDate ? pair('Дата рассмотрения', ru(c.decisionDate)) : '',
    caseResult ? pair('Результат рассмотрения', br(caseResult)) : '',
  ].join('');
  const evHead = [
    'Наименование события',
    'Дата',
    'Время слушания',
    'Место проведения',
    'Результат события',
    'Основание для выбранного результата события',
    'Примечание',
    'Дата размещения',
  ];
  const ev = events(c);
  const evRows = ev
    .map(
      (e) =>
        `<tr><td class="vert-align"> ${esc(e.name)}</td><td>${ru(e.date)}</td><td>${e.time}</td><td>${esc(e.place)}</td><td> ${esc(e.result)}</td><td>${esc(e.basis)}</td><td></td><td>${ru(e.published)}</td></tr>`,
    )
    .join('');
  const evMobile = ev.map((e) => `<div class="mobile-lawcase-item block-mobile"><time>${ru(e.date)}</time> ${esc(e.name)}</div>`).join('');
  return `${head(c)}<div id="modSdpContent"><div id="search_results"><div class="name-instanse">Уголовные дела - первая инстанция</div>
<div class="container" id="case_window"><div class="case-num">ДЕЛО № ${esc(c.caseNumber)}</div>
<ul id="case_bookmarks" class="bookmarks"><li id="tab_id_Case" class="active">Дело</li><li id="tab_id_EventList">Движение дела</li><li id="tab_id_DefList">Лица</li></ul>
<div class="lawcase-tab-content" id="tab_content_Case"><table class="law-case-table"><tbody>${info}</tbody></table></div>
<div class="lawcase-tab-content" id="tab_content_EventList" style="display: none;"><table class="law-case-table list none-mobile"><thead><tr>${evHead.map((h) => `<td>${h}</td>`).join('')}</tr></thead><tbody>${evRows}</tbody></table>${evMobile}</div>
<div class="lawcase-tab-content" id="tab_content_DefList" style="display: none;"><table class="law-case-table list none-mobile"><thead><tr><td>Фамилия / наименование</td><td>Перечень статей</td><td>Дата рассмотрения дела в отношении лица</td><td>Результат в отношении лица</td></tr></thead>
<tbody><tr><td>${esc(name)}</td><td>${articlesText(c)}</td><td>${ru(c.decisionDate)}</td><td>${br(personResult)}</td></tr></tbody></table>
<div class="mobile-lawcase-item block-mobile">${esc(name)} ${articlesText(c)}</div></div>
</div></div></div></body></html>`;
}

export function renderCard(c: SyntheticCase, layout: Layout): string {
  return SHAPES[layout].card(c);
}

export interface ListPage {
  cases: SyntheticCase[];
  page: number;
  perPage: number;
  total: number;
  courtVnkod: string;
  /** Query string of the search (without page), used in pagination links. */
  query: string;
}

/** How each layout writes a synthetic card and a result list (the real pages' structure, see above). */
interface PageShape {
  card: (c: SyntheticCase) => string;
  cardPath: (c: SyntheticCase) => string;
  /** Attributes of the case-number link in a list row. */
  linkAttrs: string;
  act: (c: SyntheticCase, title: string) => string;
  row: (link: string, cells: string[], act: string) => string;
  pageLink: (p: number, label: string, titleAttr: string, query: string) => string;
  /** The current page in the pager (`nav` holds it as `<b>n</b>`). */
  current: (page: number) => string;
  page: (list: ListPage, parts: { nav: string[]; header: string[]; rows: string; from: number; to: number }) => string;
  /** The search query (without the page) of the synthetic result lists: article 337, first instance. */
  listQuery: string;
}

const SHAPES: Record<Layout, PageShape> = {
  classic: {
    card: classicCard,
    cardPath: (c) => `/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=${c.caseId}&case_uid=${c.caseUid}&delo_id=1540006&new=0`,
    linkAttrs: '',
    act: (c, title) => `<a href="${esc(actPath(c))}" TITLE="${title}"><img src="/images/arow.gif"></a>`,
    row: (link, cells, act) =>
      `<tr valign="top"><td title="Для получения справки по делу, нажмите на номер дела">${link}<br></td>${cells.map((v) => `<td>${v}</td>`).join('')}<td>&nbsp;${act}</td></tr>`,
    pageLink: (p, label, titleAttr, query) =>
      `<a href="./modules.php?name=sud_delo&amp;srv_num=1&amp;name_op=r&amp;page=${p}&amp;${esc(query)}"${titleAttr}>${label}</a>`,
    current: (page) => `<b>${page}</b>`,
    page: (
      list,
      { nav, header, rows, from, to },
    ) => `${head(list)}<div id="modSdpContent"><div id="content"><div align="center" class="title">Уголовные дела - первая инстанция</div>
<table width="100%"><tr><td>Страницы : ${nav.join(' | ')}</td><td align="right">Всего по запросу найдено — ${list.total}. На странице записи с ${from} по ${to}.</td></tr></table>
<table id="tablcont"><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${rows}</table></div></div></body></html>`,
    listQuery: 'delo_id=1540006&case_type=0&new=0&delo_table=u1_case&U1_DEFENDANT__LAW_ARTICLESS=337&Submit=%CD%E0%E9%F2%E8',
  },
  new: {
    card: newCard,
    cardPath: (c) => `/modules.php?name=sud_delo&name_op=case&_id=${c.caseId}&_uid=${c.caseUid}&_deloId=1540006&_caseType=0&_new=0&srv_num=1`,
    linkAttrs: ' class="dashed open-lawcase"',
    act: (c, title) => `<a href="${esc(`${SHAPES.new.cardPath(c)}&_doc=1`)}" class="doc" title="${title}"><img src="/modules/sud_delo/images/doc.png"></a>`,
    row: (link, cells, act) =>
      `<tr><td class="lawcase-number-td">${link}</td>${cells.map((v) => `<td class="vert-align">${v}</td>`).join('')}<td class="vert-align">${act}</td></tr>`,
    pageLink: (p, label, titleAttr, query) =>
      `<li><a href="/modules.php?name=sud_delo&amp;name_op=r&amp;_page=${p}&amp;${esc(query)}"${titleAttr}>${label}</a></li>`,
    current: (page) => `<li class="active"><span>${page}</span></li>`,
    page: (
      list,
      { nav, header, rows, from, to },
    ) => `${head(list)}<div id="modSdpContent"><div id="search_results"><div class="name-instanse">Уголовные дела - первая инстанция</div>
<div class="lawcase-paging"><ul class="pagination">${nav.join('')}</ul></div>
<div class="lawcase-count">Всего по запросу найдено - <b>${list.total}</b>.&nbsp;<span>На странице записи с <b>${from}</b> по <b>${to}</b>.</span></div>
<div id="resultTable"><table class="law-case-table line-hover"><thead><tr>${header.map((h) => `<td>${h}</td>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>
<div id="resultMob">${list.cases.map((c) => `<div class="mobile-lawcase-card"><a href="${esc(SHAPES.new.cardPath(c).replace(/&_uid=[^&]+/, ''))}" class="dashed open-lawcase">${esc(c.caseNumber)}</a></div>`).join('')}</div>
</div></div></body></html>`,
    listQuery: '_deloId=1540006&case__case_type=0&_new=0&parts__law_articless=337',
  },
};

/** The search query (without the page) of the synthetic result lists of a layout. */
export function listQuery(layout: Layout): string {
  return SHAPES[layout].listQuery;
}

export function renderList(list: ListPage, layout: Layout): string {
  const shape = SHAPES[layout];
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));
  const from = (list.page - 1) * list.perPage + 1;
  const to = from + list.cases.length - 1;
  const row = (c: SyntheticCase) => {
    const { caseResult } = resultTexts(c);
    const info = `КАТЕГОРИЯ: Преступления против военной службы<br>${esc(`${c.defendant.surname} ${c.defendant.name[0]}.${c.defendant.patronymic[0]}.`)} - ${articlesText(c)}`;
    const cells = [ru(c.receiptDate), info, esc(c.judge), ru(c.decisionDate), esc(caseResult), ''];
    const link = `<a href="${esc(shape.cardPath(c))}"${shape.linkAttrs}>${esc(c.caseNumber)}</a>`;
    const title = actTitle(c);
    return shape.row(link, cells, title ? shape.act(c, title) : '');
  };
  const pageLink = (p: number, label: string, title = '') => shape.pageLink(p, label, title ? ` title="${title}"` : '', list.query);
  const nav: string[] = [];
  for (let p = Math.max(1, list.page - 2); p <= Math.min(pages, list.page + 2); p += 1) nav.push(p === list.page ? shape.current(p) : pageLink(p, String(p)));
  if (list.page < pages) nav.push(pageLink(pages, '&gt;&gt;', 'На последнюю страницу списка'));
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
  return shape.page(list, { nav, header, rows: list.cases.map(row).join(''), from, to });
}

/** The published act of a decided case: a judgment (Приговор) or, for a termination, a decision (Постановление). */
export function actTitle(c: SyntheticCase): string | null {
  if (c.outcome === 'pending') return null;
  return c.outcome === 'contract_signed' || c.outcome === 'court_fine' ? 'Постановление' : 'Приговор';
}

export function actPath(c: SyntheticCase): string {
  return `/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=${c.caseId}&delo_id=1540006&new=0&text_number=1`;
}

/** The act's text: an invented operative part in the wording real judgments use. */
export function renderAct(c: SyntheticCase): string {
  const charge = c.articles.map((a) => `${a.part ? `ч. ${a.part} ` : ''}ст. ${a.article}`).join(', ');
  let operative: string;
  switch (c.outcome) {
    case 'imprisonment':
      operative = `П Р И Г О В О Р И Л:<br>признать Ф.И.О. виновным в совершении преступления, предусмотренного ${charge} УК РФ, и назначить ему наказание в виде лишения свободы на срок ${termText(c.termMonths ?? 12)} с отбыванием наказания в исправительной колонии общего режима.`;
      break;
    case 'suspended':
      operative = `П Р И Г О В О Р И Л:<br>признать Ф.И.О. виновным в совершении преступления, предусмотренного ${charge} УК РФ, и назначить ему наказание в виде лишения свободы на срок ${termText(c.termMonths ?? 12)}.<br>На основании ст. 73 УК РФ назначенное наказание считать условным с испытательным сроком ${termText(c.probationMonths ?? 12)}.`;
      break;
    case 'disciplinary_unit':
      operative = `П Р И Г О В О Р И Л:<br>признать Ф.И.О. виновным в совершении преступления, предусмотренного ${charge} УК РФ, и назначить ему наказание в виде содержания в дисциплинарной воинской части на срок ${termText(c.termMonths ?? 12)}.`;
      break;
    case 'fine':
      operative = `П Р И Г О В О Р И Л:<br>признать Ф.И.О. виновным в совершении преступления, предусмотренного ${charge} УК РФ, и назначить ему наказание в виде штрафа в размере ${c.fineRub ?? 0} рублей.`;
      break;
    case 'contract_signed':
      operative = `П О С Т А Н О В И Л:<br>прекратить уголовное дело в отношении Ф.И.О. на основании ст. 78.1 УК РФ в связи с заключением контракта о прохождении военной службы.`;
      break;
    case 'court_fine':
      operative = `П О С Т А Н О В И Л:<br>уголовное дело в отношении Ф.И.О. на основании ст. 25.1 УПК РФ прекратить, назначить меру уголовно-правового характера в виде судебного штрафа.`;
      break;
    case 'pending':
      operative = '';
  }
  return `${SYNTHETIC_MARKER}<div id="modSdpContent"><div id="content"><p>СИНТЕТИЧЕСКИЙ ТЕКСТ (SYNTHETIC) — дело № ${esc(c.caseNumber)}</p><p>${actTitle(c)?.toUpperCase() ?? ''}</p><p>${operative}</p></div></div>`;
}

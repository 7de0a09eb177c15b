/**
 * Guidance pages in English and Russian, server-rendered (no script): the route checker form and its result,
 * destinations with rulings, incidents and links to their asylum statistics, offences with penalties,
 * organisations, and every fact with its sources, dates and confidence (stale facts marked). Every statement
 * links to the facts it rests on.
 */
import { isStale } from '../../guidance/check.ts';
import type { LoadedKnowledgeBase } from '../../guidance/load.ts';
import { type Lang, label } from '../../guidance/render.ts';
import { DISCLAIMER, type Line, type RouteResult } from '../../guidance/route.ts';
import { DOCUMENTS, type Localized, type PersonStatus, STATUSES, type TravelDocument } from '../../guidance/schema.ts';
import { escapeHtml } from './html.ts';

const T = {
  heading: { en: 'Guidance for military refusers', ru: 'Справочник для отказников' },
  route: { en: 'Route checker', ru: 'Проверка маршрута' },
  status: { en: 'Status', ru: 'Статус' },
  documents: { en: 'Documents held', ru: 'Документы' },
  location: { en: 'Where you are now', ru: 'Где вы сейчас' },
  caseOpen: { en: 'A criminal case is known to be open', ru: 'Известно об уголовном деле' },
  check: { en: 'Check', ru: 'Проверить' },
  offences: { en: 'Offences and penalties', ru: 'Статьи и наказания' },
  destinationsAll: { en: 'Destinations', ru: 'Страны' },
  facts: { en: 'All facts, with sources and dates', ru: 'Все факты с источниками и датами' },
  orgs: { en: 'Organisations', ru: 'Организации' },
  verified: { en: 'verified', ru: 'проверено' },
  confidence: { en: 'confidence', ru: 'достоверность' },
  stats: { en: 'asylum statistics for Russian citizens', ru: 'статистика убежища для граждан России' },
  lang: { en: 'Русский', ru: 'English' },
} satisfies Record<string, Localized>;

const STATUS_NAMES: Record<PersonStatus, Localized> = {
  conscript: { en: 'conscript', ru: 'срочник' },
  contract: { en: 'contract soldier', ru: 'контрактник' },
  mobilised: { en: 'mobilised', ru: 'мобилизованный' },
  reservist_summoned: { en: 'reservist with a summons', ru: 'резервист с повесткой' },
  awol: { en: 'AWOL (left the unit)', ru: 'СОЧ (оставил часть)' },
  deserter: { en: 'deserter', ru: 'дезертир' },
  civilian: { en: 'civilian', ru: 'гражданский' },
};
const DOC_NAMES: Record<TravelDocument, Localized> = {
  internal_passport: { en: 'internal passport', ru: 'внутренний паспорт' },
  international_passport: { en: 'international passport', ru: 'заграничный паспорт' },
  none: { en: 'none', ru: 'нет' },
};

function page(lang: Lang, title: string, body: string, path: string): string {
  const other: Lang = lang === 'en' ? 'ru' : 'en';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} — otkaz</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:1rem auto;padding:0 1rem;line-height:1.45;color:#111}a{color:#0645ad}.warn{background:#fff3cd;border:1px solid #b58900;padding:.5rem}.stale{color:#8a1f11;font-weight:600}.refs{font-size:.85em;color:#444}.high{color:#8a1f11;font-weight:700}.elevated{color:#8a4b00;font-weight:600}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left}label{display:block;margin:.2rem 0}</style></head>
<body><nav><a href="/">otkaz</a> · <a href="/guidance?lang=${lang}">${escapeHtml(T.heading[lang])}</a> · <a href="/guidance/facts?lang=${lang}">${escapeHtml(T.facts[lang])}</a> · <a href="${escapeHtml(path)}${path.includes('?') ? '&amp;' : '?'}lang=${other}" hreflang="${other}" lang="${other}">${T.lang[lang]}</a></nav>
<main><h1>${escapeHtml(title)}</h1><p class="warn" role="note">${escapeHtml(DISCLAIMER[lang])}</p>${body}</main></body></html>`;
}

function refs(kb: LoadedKnowledgeBase, ids: readonly string[], lang: Lang, today: string): string {
  if (!ids.length) return '';
  const links = ids.map((id) => {
    const fact = kb.factById.get(id);
    const stale = fact && isStale(fact, today);
    return `<a href="/guidance/facts?lang=${lang}#${escapeHtml(id)}"${stale ? ' class="stale"' : ''}>${escapeHtml(id)}${stale ? ` ⚠ ${escapeHtml(label('stale', lang))}` : ''}</a>`;
  });
  return ` <span class="refs">[${escapeHtml(label('facts', lang))}: ${links.join(', ')}]</span>`;
}

function lineHtml(kb: LoadedKnowledgeBase, line: Line, lang: Lang, today: string): string {
  return `<li>${escapeHtml(line.text[lang])}${refs(kb, line.facts, lang, today)}</li>`;
}

export function routeForm(lang: Lang, values: { status?: string; documents?: string[]; location?: string; caseOpen?: boolean }): string {
  const options = STATUSES.map((s) => `<option value="${s}"${values.status === s ? ' selected' : ''}>${escapeHtml(STATUS_NAMES[s][lang])}</option>`).join('');
  const docs = DOCUMENTS.filter((d) => d !== 'none')
    .map(
      (d) =>
        `<label><input type="checkbox" name="documents" value="${d}"${values.documents?.includes(d) ? ' checked' : ''}> ${escapeHtml(DOC_NAMES[d][lang])}</label>`,
    )
    .join('');
  // POST: what a person says of his situation (a deserter, a case open) is sent in the body, never put in the URL,
  // the browser's history or a Referer.
  return `<form method="post" action="/guidance/route"><input type="hidden" name="lang" value="${lang}">
<label for="status">${escapeHtml(T.status[lang])}</label><select id="status" name="status">${options}</select>
<fieldset><legend>${escapeHtml(T.documents[lang])}</legend>${docs}</fieldset>
<label><input type="checkbox" name="case" value="1"${values.caseOpen ? ' checked' : ''}> ${escapeHtml(T.caseOpen[lang])}</label>
<label for="location">${escapeHtml(T.location[lang])}</label><input id="location" name="location" value="${escapeHtml(values.location ?? 'RUS')}" size="4" pattern="[A-Za-z]{3}">
<p><button type="submit">${escapeHtml(T.check[lang])}</button></p></form>`;
}

export function guidanceHome(kb: LoadedKnowledgeBase, lang: Lang, today: string): string {
  const offences = `<table><caption>${escapeHtml(T.offences[lang])}</caption><thead><tr><th scope="col">art.</th><th scope="col">${lang === 'en' ? 'offence' : 'состав'}</th><th scope="col">${lang === 'en' ? 'penalty' : 'наказание'}</th><th scope="col">${escapeHtml(label('facts', lang))}</th></tr></thead><tbody>${kb.offences
    .map(
      (o) =>
        `<tr><td>${o.article}${o.part ? `.${o.part}` : ''}</td><td>${escapeHtml(o.title[lang])}</td><td>${escapeHtml(o.penalty.summary[lang])}</td><td>${refs(kb, o.facts, lang, today)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const destinations = kb.destinations
    .map((d) => `<li><a href="/guidance/destination/${d.country}?lang=${lang}">${escapeHtml(d.name[lang])}</a> — ${escapeHtml(d.policy.summary[lang])}</li>`)
    .join('');
  const orgs = kb.organisations
    .map(
      (o) =>
        `<li><strong>${escapeHtml(o.name[lang])}</strong> (${escapeHtml(o.based)}): ${escapeHtml(o.what[lang])}${refs(kb, [...o.facts, ...o.figures], lang, today)}</li>`,
    )
    .join('');
  return page(
    lang,
    T.heading[lang],
    `<h2>${escapeHtml(T.route[lang])}</h2>${routeForm(lang, { documents: ['internal_passport'] })}${offences}<h2>${escapeHtml(T.destinationsAll[lang])}</h2><ul>${destinations}</ul><h2>${escapeHtml(T.orgs[lang])}</h2><ul>${orgs}</ul>`,
    '/guidance',
  );
}

export function routePage(kb: LoadedKnowledgeBase, result: RouteResult, lang: Lang, path: string): string {
  const today = result.input.today;
  const dests = result.destinations
    .map((d) => {
      const incidents = d.risk.incidents
        .map(
          (w) =>
            `<li>${w.incident.date}, ${escapeHtml(w.incident.place[lang])}: ${escapeHtml(label(w.incident.kind, lang))} — ${escapeHtml(w.incident.outcome[lang])}${refs(kb, w.incident.facts, lang, today)}</li>`,
        )
        .join('');
      const rulings = d.protection.rulings
        .map(
          (r) =>
            `<li>${escapeHtml(r.court)}, ${r.date}${r.case_no ? `, ${escapeHtml(r.case_no)}` : ''}: ${escapeHtml(label(r.outcome, lang))} — ${escapeHtml(r.held[lang])}${r.not_held ? ` / ${escapeHtml(r.not_held[lang])}` : ''}${refs(kb, r.facts, lang, today)}</li>`,
        )
        .join('');
      const stats = d.protection.statistics
        ? `<p>${escapeHtml(d.protection.statistics.method)} ${d.protection.statistics.year}: ${d.protection.statistics.ratePct ?? '—'} % (${escapeHtml(d.protection.statistics.definition)}; ${escapeHtml(d.protection.statistics.release)})</p>`
        : '';
      return `<section><h3>${escapeHtml(d.name[lang])} (${d.country}) — ${escapeHtml(label('reach', lang))}: ${escapeHtml(label(d.reachable, lang))}; ${escapeHtml(label('risk', lang))}: <span class="${d.risk.level}">${escapeHtml(label(d.risk.level, lang))}</span></h3>
<ul>${d.conditions.map((l) => lineHtml(kb, l, lang, today)).join('')}${lineHtml(kb, d.risk.summary, lang, today)}</ul>${incidents ? `<h4>${escapeHtml(label('incidents', lang))}</h4><ul>${incidents}</ul>` : ''}
<h4>${escapeHtml(label('protection', lang))}</h4><ul>${lineHtml(kb, d.protection.policy, lang, today)}${rulings}</ul>${stats}${d.protection.statisticsHint ? `<p><a href="/guidance/destination/${d.country}?lang=${lang}">${escapeHtml(T.stats[lang])}</a></p>` : ''}</section>`;
    })
    .join('');
  const orgs = result.organisations
    .map(
      (o) =>
        `<li><strong>${escapeHtml(o.name[lang])}</strong> (${escapeHtml(o.based)}): ${escapeHtml(o.what[lang])}${refs(kb, [...o.facts, ...o.figures], lang, today)}</li>`,
    )
    .join('');
  const body = `${routeForm(lang, { status: result.input.status, documents: result.input.documents, location: result.input.location, caseOpen: result.input.caseOpen ?? false })}
<h2>${escapeHtml(label('situation', lang))}</h2><ul>${result.situation.map((l) => lineHtml(kb, l, lang, today)).join('')}</ul>
<h2>${escapeHtml(label('destinations', lang))}</h2>${dests}
<h2>${escapeHtml(label('evidence', lang))}</h2><ul>${result.evidence.map((l) => lineHtml(kb, l, lang, today)).join('')}</ul>
<h2>${escapeHtml(label('organisations', lang))}</h2><ul>${orgs}</ul>`;
  return page(lang, T.route[lang], body, path);
}

export function destinationPage(kb: LoadedKnowledgeBase, country: string, lang: Lang, today: string, statisticsRows: string): string | null {
  const d = kb.destinations.find((x) => x.country === country);
  if (!d) return null;
  const incidents = d.incidents
    .map(
      (i) =>
        `<li>${i.date}, ${escapeHtml(i.place[lang])}: ${escapeHtml(label(i.kind, lang))} — ${escapeHtml(i.outcome[lang])}${refs(kb, i.facts, lang, today)}</li>`,
    )
    .join('');
  const rulings = d.rulings
    .map(
      (r) => `<li>${escapeHtml(r.court)}, ${r.date}: ${escapeHtml(label(r.outcome, lang))} — ${escapeHtml(r.held[lang])}${refs(kb, r.facts, lang, today)}</li>`,
    )
    .join('');
  const body = `<ul><li>${escapeHtml(d.entry.summary[lang])}${refs(kb, d.entry.facts, lang, today)}</li><li>${escapeHtml(d.policy.summary[lang])}${refs(kb, d.policy.facts, lang, today)}</li></ul>
${rulings ? `<h2>${escapeHtml(label('rulings', lang))}</h2><ul>${rulings}</ul>` : ''}${incidents ? `<h2>${escapeHtml(label('incidents', lang))}</h2><ul>${incidents}</ul>` : ''}
${d.statistics ? `<h2>${escapeHtml(T.stats[lang])}</h2>${statisticsRows}<p><a href="/api/v1/stats/series?indicator=applications&amp;dest=${d.country}&amp;from=2019">JSON</a></p>` : ''}`;
  return page(lang, d.name[lang], body, `/guidance/destination/${country}`);
}

export function factsPage(kb: LoadedKnowledgeBase, lang: Lang, today: string): string {
  const items = kb.facts
    .map((f) => {
      const stale = isStale(f, today);
      const sources = f.sources
        .map(
          (s) =>
            (s.url ? `<a href="${escapeHtml(s.url)}" rel="noreferrer">${escapeHtml(new URL(s.url).hostname)}</a>` : escapeHtml(s.document ?? '')) +
            (s.published ? ` (${s.published})` : ''),
        )
        .join('; ');
      return `<li id="${escapeHtml(f.id)}"><strong>${escapeHtml(f.id)}</strong>${f.date ? ` (${f.date})` : ''}: ${escapeHtml(f.text[lang])} — ${sources}; ${escapeHtml(T.verified[lang])} ${f.verified}${stale ? ` <span class="stale">⚠ ${escapeHtml(label('stale', lang))}</span>` : ''}; ${escapeHtml(T.confidence[lang])}: ${f.confidence}${f.status === 'passed_not_confirmed' ? ` — ${lang === 'en' ? 'passed, not confirmed in force' : 'принято, вступление в силу не подтверждено'}` : ''}${f.conflict ? ` — ${escapeHtml(f.conflict[lang])}` : ''}</li>`;
    })
    .join('');
  return page(lang, T.facts[lang], `<ol>${items}</ol>`, '/guidance/facts');
}

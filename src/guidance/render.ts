/**
 * Route results as text, in English or Russian: every line ends with the facts it rests on, and a fact not
 * verified for more than 12 months is marked stale wherever it is cited.
 */
import { present } from '../shared/present.ts';
import type { LoadedKnowledgeBase } from './load.ts';
import type { Line, RouteResult } from './route.ts';
import type { Localized } from './schema.ts';

export type Lang = 'en' | 'ru';

const LABELS: Record<string, Localized> = {
  title: { en: 'Route check', ru: 'Проверка маршрута' },
  situation: { en: 'What you face', ru: 'Чем вы рискуете' },
  destinations: { en: 'Destinations', ru: 'Страны' },
  reach: { en: 'Reachable', ru: 'Доступность' },
  risk: { en: 'Risk', ru: 'Риск' },
  incidents: { en: 'Incidents', ru: 'Инциденты' },
  protection: { en: 'Protection', ru: 'Защита' },
  rulings: { en: 'Rulings', ru: 'Решения судов' },
  statistics: { en: 'Statistics', ru: 'Статистика' },
  evidence: { en: 'Evidence to gather', ru: 'Какие доказательства собрать' },
  organisations: { en: 'Who can help', ru: 'Кто может помочь' },
  stale: { en: 'stale: not verified for over 12 months', ru: 'устарело: не проверялось более 12 месяцев' },
  facts: { en: 'facts', ru: 'факты' },
  none: { en: 'none recorded', ru: 'нет данных' },
};

const LEVELS: Record<string, Localized> = {
  yes: { en: 'yes', ru: 'да' },
  conditional: { en: 'on conditions', ru: 'при условиях' },
  no: { en: 'no', ru: 'нет' },
  unknown: { en: 'unknown', ru: 'неизвестно' },
  high: { en: 'HIGH', ru: 'ВЫСОКИЙ' },
  elevated: { en: 'elevated', ru: 'повышенный' },
  low: { en: 'low', ru: 'низкий' },
};

const OUTCOMES: Record<string, Localized> = {
  refugee_status: { en: 'refugee status', ru: 'статус беженца' },
  subsidiary_protection: { en: 'subsidiary protection', ru: 'субсидиарная защита' },
  refused: { en: 'refused', ru: 'отказ' },
  principle_only: { en: 'principle (applicant refused)', ru: 'принцип (заявителю отказано)' },
};

const KINDS: Record<string, Localized> = {
  detention: { en: 'detention', ru: 'задержание' },
  abduction: { en: 'abduction', ru: 'похищение' },
  extradition: { en: 'extradition', ru: 'экстрадиция' },
  handover: { en: 'handover to Russia', ru: 'передача России' },
  deportation: { en: 'deportation', ru: 'депортация' },
  refusal_to_extradite: { en: 'refusal to extradite', ru: 'отказ в выдаче' },
  release: { en: 'release', ru: 'освобождение' },
  entry_ban: { en: 'entry ban / expulsion', ru: 'запрет въезда / высылка' },
  killing: { en: 'killing', ru: 'убийство' },
  asylum_refused: { en: 'asylum refused', ru: 'отказ в убежище' },
};

export function label(key: string, lang: Lang): string {
  return (LABELS[key] ?? LEVELS[key] ?? OUTCOMES[key] ?? KINDS[key] ?? { en: key, ru: key })[lang];
}

export function refs(line: Line, staleFacts: ReadonlySet<string>, lang: Lang): string {
  if (!line.facts.length) return '';
  const stale = line.facts.filter((f) => staleFacts.has(f));
  return ` [${label('facts', lang)}: ${line.facts.join(', ')}]${stale.length ? ` ⚠ ${label('stale', lang)}: ${stale.join(', ')}` : ''}`;
}

export function renderRoute(result: RouteResult, kb: LoadedKnowledgeBase, lang: Lang): string {
  const stale = new Set(result.staleFacts);
  const out: string[] = [];
  const line = (l: Line, indent = '  ') => out.push(`${indent}- ${l.text[lang]}${refs(l, stale, lang)}`);
  out.push(
    `${label('title', lang)} — ${result.input.status}, ${result.input.documents.join(', ') || 'none'}, ${result.input.location} (${result.input.today})`,
  );
  out.push(`! ${result.disclaimer[lang]}`);
  out.push('', `${label('situation', lang)}:`);
  for (const l of result.situation) line(l);
  out.push('', `${label('destinations', lang)}:`);
  for (const d of result.destinations) {
    out.push(
      `  ${d.name[lang]} (${d.country})${d.preferred ? ' *' : ''} — ${label('reach', lang)}: ${label(d.reachable, lang)}; ${label('risk', lang)}: ${label(d.risk.level, lang)}`,
    );
    for (const c of d.conditions) line(c, '    ');
    line(d.risk.summary, '    ');
    for (const w of d.risk.incidents) {
      const i = w.incident;
      out.push(
        `      · ${i.date}, ${i.place[lang]}: ${label(i.kind, lang)} — ${i.outcome[lang]} (weight ${w.weight})${refs({ text: i.outcome, facts: i.facts }, stale, lang)}`,
      );
    }
    line(d.protection.policy, '    ');
    for (const r of d.protection.rulings)
      out.push(
        `      § ${r.court}, ${r.date}${r.case_no ? `, ${r.case_no}` : ''}: ${label(r.outcome, lang)} — ${r.held[lang]}${r.not_held ? ` / ${r.not_held[lang]}` : ''}${refs({ text: r.held, facts: r.facts }, stale, lang)}`,
      );
    if (d.protection.statistics) {
      const s = d.protection.statistics;
      out.push(`      ${label('statistics', lang)}: ${s.method} ${s.year} = ${s.ratePct ?? '—'} % (${s.definition}; ${s.release})`);
    }
    if (d.protection.statisticsHint) out.push(`      ${d.protection.statisticsHint.text[lang]}`);
    for (const o of d.organisations) out.push(`      → ${o.name[lang]}`);
  }
  out.push('', `${label('evidence', lang)}:`);
  for (const l of result.evidence) line(l);
  out.push('', `${label('organisations', lang)}:`);
  for (const o of result.organisations) {
    const figures = o.figures.map((f) => present(kb.factById.get(f), `fact ${f}`).text[lang]).join(' ');
    out.push(
      `  - ${o.name[lang]} (${o.based}${o.url ? `, ${o.url}` : ''}): ${o.what[lang]}${figures ? ` ${figures}` : ''} [${label('facts', lang)}: ${[...o.facts, ...o.figures].join(', ')}]`,
    );
  }
  return out.join('\n');
}

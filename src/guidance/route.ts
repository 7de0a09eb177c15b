/**
 * Route checker: from the documents a person holds, his status and where he is, to the destinations he can
 * reach (with conditions), the risk at each (from dated incidents, recent ones weighing more — listed, not only
 * scored), protection prospects (rulings, stated policy, and the asylum statistics where they exist), the evidence
 * to gather, and who can help. Deterministic and explainable: every line carries the ids of the facts it rests on.
 * A pure function of the knowledge base, the input, today's date and (optionally) statistics looked up by the caller.
 */

import { DEFAULT_ARTICLES } from '../shared/articles.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { present } from '../shared/present.ts';
import { isStale } from './check.ts';
import type { LoadedKnowledgeBase } from './load.ts';
import {
  type Destination,
  HARMFUL,
  type Incident,
  type Localized,
  type Offence,
  type Organisation,
  type PersonStatus,
  type Ruling,
  STATUSES,
  type TravelDocument,
} from './schema.ts';

export interface RouteInput {
  documents: TravelDocument[];
  status: PersonStatus;
  /** For AWOL and deserters: whether a criminal case is known to be open. */
  caseOpen?: boolean;
  /** Where the person is now (ISO3); RUS = in Russia. */
  location: string;
  preferences?: string[];
  /** YYYY-MM-DD: ages of incidents and staleness are computed against it. */
  today: string;
}

export interface Line {
  text: Localized;
  facts: string[];
}

export interface WeightedIncident {
  incident: Incident;
  ageMonths: number;
  weight: number;
}

export interface RecognitionFigure {
  year: string;
  ratePct: number | null;
  method: string;
  definition: string;
  release: string;
}

export interface DestinationResult {
  country: string;
  name: Localized;
  reachable: 'yes' | 'conditional' | 'no' | 'unknown';
  conditions: Line[];
  risk: { level: 'high' | 'elevated' | 'low' | 'unknown'; score: number; summary: Line; incidents: WeightedIncident[] };
  protection: { policy: Line; rulings: Ruling[]; statistics: RecognitionFigure | null; statisticsHint: Line | null };
  organisations: Organisation[];
  preferred: boolean;
}

export interface RouteResult {
  input: RouteInput;
  disclaimer: Localized;
  situation: Line[];
  offences: Offence[];
  destinations: DestinationResult[];
  evidence: Line[];
  organisations: Organisation[];
  staleFacts: string[];
}

export const DISCLAIMER: Localized = {
  en: 'This is not legal advice. It summarises published, dated sources, some of them secondary; laws and practice change. Check with a lawyer or one of the organisations listed before you act.',
  ru: 'Это не юридическая консультация. Здесь собраны опубликованные датированные источники, часть из них вторичные; законы и практика меняются. Прежде чем действовать, посоветуйтесь с юристом или с одной из перечисленных организаций.',
};

const SERVICE: ReadonlySet<PersonStatus> = new Set(['contract', 'mobilised', 'awol', 'deserter', 'conscript']);

function monthsBetween(date: string, today: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number | undefined];
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  return Math.max(0, (ty - y) * 12 + (tm - (m ?? 6)));
}

/** Recency weight: the last 12 months count fully, then the weight halves per year. */
export function recency(ageMonths: number): number {
  if (ageMonths <= 12) return 1;
  if (ageMonths <= 24) return 0.5;
  if (ageMonths <= 36) return 0.25;
  return 0.1;
}

function relevantTo(status: PersonStatus, who: Incident['who']): boolean {
  if (SERVICE.has(status)) return who === 'deserter' || who === 'serviceman' || who === 'draft_evader' || who === 'asylum_seeker';
  return who !== 'serviceman';
}

/** Risk from incidents: harmful kinds count 3, detentions and refusals of asylum 1, refusals to extradite and releases 0 (shown). */
export function assessRisk(destination: Destination, status: PersonStatus, today: string): DestinationResult['risk'] {
  const incidents: WeightedIncident[] = destination.incidents
    .map((incident) => {
      const ageMonths = monthsBetween(incident.date, today);
      const base = HARMFUL.has(incident.kind) ? 3 : incident.kind === 'refusal_to_extradite' || incident.kind === 'release' ? 0 : 1;
      const weight = Math.round(base * recency(ageMonths) * (relevantTo(status, incident.who) ? 1 : 0.5) * 100) / 100;
      return { incident, ageMonths, weight };
    })
    .sort((a, b) => (a.incident.date < b.incident.date ? 1 : -1));
  const score = Math.round(incidents.reduce((n, i) => n + i.weight, 0) * 100) / 100;
  const recentHarm = incidents.find((i) => HARMFUL.has(i.incident.kind) && i.ageMonths <= 12 && relevantTo(status, i.incident.who));
  // Elevated: harm to anyone within four years, or a relevant person detained within two.
  const olderHarm = incidents.find(
    (i) => (HARMFUL.has(i.incident.kind) && i.ageMonths <= 48) || (i.incident.kind === 'detention' && i.ageMonths <= 24 && relevantTo(status, i.incident.who)),
  );
  const facts = [...new Set(incidents.flatMap((i) => i.incident.facts))];
  if (!incidents.length) {
    return {
      level: 'unknown',
      score: 0,
      incidents,
      summary: {
        text: {
          en: 'No incident recorded in the knowledge base — a gap in knowledge, not a guarantee.',
          ru: 'Инцидентов в базе знаний нет — это пробел в знаниях, а не гарантия.',
        },
        facts: destination.policy.facts,
      },
    };
  }
  const latest = present(incidents[0], 'the latest incident');
  if (recentHarm || score >= 3) {
    const when = recentHarm ? recentHarm.incident.date : latest.incident.date;
    return {
      level: 'high',
      score,
      incidents,
      summary: {
        text: {
          en: `High: people were handed over, deported, abducted or killed here recently (latest ${when}).`,
          ru: `Высокий: здесь недавно передавали, депортировали, похищали или убивали людей (последний случай — ${when}).`,
        },
        facts,
      },
    };
  }
  if (olderHarm || score >= 1) {
    return {
      level: 'elevated',
      score,
      incidents,
      summary: {
        text: {
          en: `Elevated: handovers, deportations or detentions in recent years (latest incident ${latest.incident.date}).`,
          ru: `Повышенный: передачи, депортации или задержания в последние годы (последний инцидент — ${latest.incident.date}).`,
        },
        facts,
      },
    };
  }
  return {
    level: 'low',
    score,
    incidents,
    summary: {
      text: {
        en: 'Low on the recorded incidents: none recent that put a person in Russian hands.',
        ru: 'Низкий по известным инцидентам: недавних случаев передачи России нет.',
      },
      facts,
    },
  };
}

const ACCESS_ORDER = { yes: 3, conditional: 2, no: 1, unknown: 0 } as const;

function reachability(kb: LoadedKnowledgeBase, input: RouteInput, country: string): { reachable: DestinationResult['reachable']; conditions: Line[] } {
  if (input.location !== 'RUS') {
    return {
      reachable: 'unknown',
      conditions: [
        {
          text: {
            en: `Travel from ${input.location} is not covered: the exit routes describe leaving Russia.`,
            ru: `Маршруты из ${input.location} не описаны: база знаний описывает выезд из России.`,
          },
          facts: [],
        },
      ],
    };
  }
  const route = kb.exit_routes.find((r) => r.destination === country);
  if (!route)
    return {
      reachable: 'unknown',
      conditions: [{ text: { en: 'No entry rule recorded for this document.', ru: 'Правила въезда для этого документа не записаны.' }, facts: [] }],
    };
  const held: TravelDocument[] = input.documents.length ? input.documents : ['none'];
  let best: DestinationResult['reachable'] = 'no';
  const conditions: Line[] = [];
  for (const doc of held) {
    const access = route.documents[doc];
    if (ACCESS_ORDER[access.allowed] > ACCESS_ORDER[best]) best = access.allowed;
    const docName = {
      internal_passport: { en: 'internal passport', ru: 'внутренний паспорт' },
      international_passport: { en: 'international passport', ru: 'заграничный паспорт' },
      none: { en: 'no document', ru: 'без документов' },
    }[doc];
    const verdict = {
      yes: { en: 'enough', ru: 'достаточно' },
      conditional: { en: 'possible on conditions', ru: 'возможно при условиях' },
      no: { en: 'not enough', ru: 'недостаточно' },
    }[access.allowed];
    conditions.push({
      text: {
        en: `With the ${docName.en}: ${verdict.en}${access.conditions ? ` — ${access.conditions.en}` : ''}.`,
        ru: `${docName.ru.charAt(0).toUpperCase()}${docName.ru.slice(1)}: ${verdict.ru}${access.conditions ? ` — ${access.conditions.ru}` : ''}.`,
      },
      facts: access.facts,
    });
  }
  return { reachable: best, conditions };
}

function offencesFor(kb: LoadedKnowledgeBase, status: PersonStatus): Offence[] {
  const articles: Record<PersonStatus, string[]> = {
    awol: ['337'],
    deserter: ['338', '337'],
    contract: [...DEFAULT_ARTICLES],
    mobilised: [...DEFAULT_ARTICLES],
    conscript: ['337', '338', '328'],
    reservist_summoned: ['328'],
    civilian: ['328'],
  };
  const wanted = articles[status];
  return kb.offences.filter((o) => wanted.includes(o.article) && o.applies_to.includes(status === 'conscript' ? 'conscript' : status));
}

function situation(kb: LoadedKnowledgeBase, input: RouteInput, offences: Offence[]): Line[] {
  const lines: Line[] = [];
  const wartime = offences.filter((o) => o.conditions.includes('mobilisation') || o.conditions.includes('wartime'));
  for (const o of wartime.length ? wartime : offences) {
    lines.push({
      text: {
        en: `Art. ${o.article}${o.part ? ` part ${o.part}` : ''} (${o.title.en}): ${o.penalty.summary.en}.`,
        ru: `Ст. ${o.article}${o.part ? ` ч. ${o.part}` : ''} (${o.title.ru}): ${o.penalty.summary.ru}.`,
      },
      facts: o.facts,
    });
    for (const h of o.history) {
      const fact = present(kb.factById.get(h), `fact ${h}`);
      if (fact.status === 'passed_not_confirmed')
        lines.push({
          text: { en: `Pending change, not confirmed in force: ${fact.text.en}`, ru: `Изменение, вступление в силу не подтверждено: ${fact.text.ru}` },
          facts: [h],
        });
    }
  }
  if ((input.status === 'awol' || input.status === 'deserter') && input.caseOpen) {
    lines.push({
      text: {
        en: 'With an open criminal case you can be put on the wanted list; countries bound by the Minsk Convention may extradite people who are charged and internationally wanted.',
        ru: 'При открытом уголовном деле вас могут объявить в розыск; страны Минской конвенции могут выдать обвиняемого, находящегося в международном розыске.',
      },
      facts: ['kz-no-extradition-2022', 'minsk-convention'],
    });
  }
  for (const r of kb.restrictions.filter((x) => x.applies_to.includes(input.status)))
    lines.push({ text: { en: `${r.title.en}: ${r.summary.en}`, ru: `${r.title.ru}: ${r.summary.ru}` }, facts: r.facts });
  return lines;
}

function evidence(input: RouteInput, offences: Offence[]): Line[] {
  const lines: Line[] = [];
  const offenceFacts = offences.flatMap((o) => o.facts).slice(0, 4);
  if ((input.status === 'awol' || input.status === 'deserter') && input.caseOpen) {
    lines.push({
      text: {
        en: "The court record of your case: find it in the tracker (`otkaz cases find-person`, or search by court and article), then export its archived page with its sha256 (`otkaz archive export --case N`) — the court's own publication of the charge.",
        ru: 'Судебная карточка вашего дела: найдите её в трекере (`otkaz cases find-person` или поиск по суду и статье) и выгрузите архивную копию страницы с её sha256 (`otkaz archive export --case N`) — публикация самого суда об обвинении.',
      },
      facts: offenceFacts,
    });
  }
  if (SERVICE.has(input.status)) {
    lines.push({
      text: {
        en: 'Proof of service or call-up: contract, mobilisation order, military ID, unit papers. Deserters (already serving) obtain protection more often than people never called up.',
        ru: 'Доказательства службы или призыва: контракт, приказ о мобилизации, военный билет, документы части. Дезертиры (уже служившие) получают защиту чаще, чем не призванные.',
      },
      facts: ['de-deserters-vs-evaders', 'fr-cnda-2023'],
    });
  }
  if (input.status === 'reservist_summoned' || input.status === 'civilian' || input.status === 'conscript') {
    lines.push({
      text: {
        en: 'Proof that you are actually liable to be called up: the summons (screenshots of the Gosuslugi notice with its date), your registration category. Reservist status alone was not enough in France.',
        ru: 'Доказательства реальной угрозы призыва: повестка (скриншоты уведомления в «Госуслугах» с датой), категория учёта. Во Франции одного статуса резервиста было недостаточно.',
      },
      facts: ['fr-cnda-2023', 'fr-cnda-23060210', 'register-2024'],
    });
  }
  lines.push({
    text: {
      en: 'Keep copies outside your phone (e-mail to yourself, a trusted person); asylum cannot be requested from abroad in Germany.',
      ru: 'Храните копии не только в телефоне (письмо самому себе, доверенный человек); в Германии нельзя просить убежища из-за рубежа.',
    },
    facts: ['de-no-asylum-from-abroad'],
  });
  return lines;
}

function organisationsFor(kb: LoadedKnowledgeBase, status: PersonStatus): Organisation[] {
  const needs: Organisation['helps'] =
    SERVICE.has(status) && status !== 'conscript' ? ['desertion', 'legal_defence', 'leaving_russia'] : ['draft_evasion', 'leaving_russia', 'legal_defence'];
  return kb.organisations.filter((o) => o.helps.some((h) => needs.includes(h)));
}

export function checkRoute(kb: LoadedKnowledgeBase, input: RouteInput, statistics: ReadonlyMap<string, RecognitionFigure> = new Map()): RouteResult {
  if (!STATUSES.includes(input.status))
    throw new OtkazError(ErrorCode.GuidanceRoute, `unknown status "${input.status}" (${STATUSES.join(', ')})`, { where: 'status' });
  if (!/^[A-Z]{3}$/.test(input.location))
    throw new OtkazError(ErrorCode.GuidanceRoute, `location must be an ISO3 code, got "${input.location}"`, { where: 'location' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.today))
    throw new OtkazError(ErrorCode.GuidanceRoute, `today must be YYYY-MM-DD, got "${input.today}"`, { where: 'today' });
  const preferences = input.preferences ?? [];
  const offences = offencesFor(kb, input.status);
  const destinations = kb.destinations
    .filter((d) => d.country !== input.location)
    .map((d): DestinationResult => {
      const { reachable, conditions } = reachability(kb, input, d.country);
      const figure = statistics.get(d.country) ?? null;
      return {
        country: d.country,
        name: d.name,
        reachable,
        conditions: [...conditions, { text: d.entry.summary, facts: d.entry.facts }],
        risk: assessRisk(d, input.status, input.today),
        protection: {
          policy: { text: d.policy.summary, facts: d.policy.facts },
          rulings: [...d.rulings].sort((a, b) => (a.date < b.date ? 1 : -1)),
          statistics: figure,
          statisticsHint: d.statistics
            ? {
                text: {
                  en: `Asylum statistics for Russian citizens: otkaz stats series --dest ${d.country}; recognition rates: otkaz stats rates --dest ${d.country}.`,
                  ru: `Статистика убежища для граждан России: otkaz stats series --dest ${d.country}; доля признания: otkaz stats rates --dest ${d.country}.`,
                },
                facts: [],
              }
            : null,
        },
        organisations: kb.organisations.filter((o) => d.organisations.includes(o.id)),
        preferred: preferences.includes(d.country),
      };
    })
    .sort(
      (a, b) =>
        Number(b.preferred) - Number(a.preferred) ||
        ACCESS_ORDER[b.reachable] - ACCESS_ORDER[a.reachable] ||
        a.risk.score - b.risk.score ||
        a.country.localeCompare(b.country),
    );
  const here = kb.destinations.find((d) => d.country === input.location);
  const lines = situation(kb, input, offences);
  if (here) {
    const risk = assessRisk(here, input.status, input.today);
    lines.unshift({
      text: {
        en: `Where you are (${here.name.en}), risk ${risk.level}: ${risk.summary.text.en}`,
        ru: `Там, где вы сейчас (${here.name.ru}), риск: ${risk.summary.text.ru}`,
      },
      facts: risk.summary.facts,
    });
  }
  const used = new Set<string>([...lines, ...destinations.flatMap((d) => [...d.conditions, d.risk.summary, d.protection.policy])].flatMap((l) => l.facts));
  return {
    input,
    disclaimer: DISCLAIMER,
    situation: lines,
    offences,
    destinations,
    evidence: evidence(input, offences),
    organisations: organisationsFor(kb, input.status),
    staleFacts: [...used].filter((id) => {
      const fact = kb.factById.get(id);
      return fact !== undefined && isStale(fact, input.today);
    }),
  };
}

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeriod } from '../../../src/shared/periods.ts';
import { formatDate, formatNumber } from '../i18n.ts';
import { LazyChart as Chart } from '../LazyChart.tsx';
import { onLinkClick } from '../router.ts';
import type { CaseList, Counts, Health, SeriesResult } from '../types.ts';
import { useFetch } from '../useFetch.ts';

export function Overview() {
  const { t, i18n } = useTranslation();
  const counts = useFetch<Counts>('/api/v1/stats/prosecutions?by=month,article');
  const latest = useFetch<CaseList>('/api/v1/cases?pageSize=5&sort=-receipt_date');
  // On a first start the bundled statistics load in the background: ask again until they are there.
  const [round, setRound] = useState(0);
  const health = useFetch<Health>('/healthz', round);
  const statisticsLoading = health.data?.statistics === 'loading';
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is not read: each new round (an answer still "loading") sets the next timer
  useEffect(() => {
    if (!statisticsLoading) return;
    const timer = setTimeout(() => setRound((r) => r + 1), 3000);
    return () => clearTimeout(timer);
  }, [statisticsLoading, round]);
  const germany = useFetch<SeriesResult>('/api/v1/stats/series?measure=first_time&dest=DEU,FRA&source=eurostat&from=2022&to=2022', round);
  const cbp = useFetch<SeriesResult>('/api/v1/stats/series?indicator=encounters&dest=USA&period=fiscal_year&source=cbp', round);
  const chart = useMemo(() => {
    const rows = counts.data?.rows ?? [];
    // One case may be charged under several articles: the article bars stand side by side (never stacked, which
    // would count such a case twice), with the distinct cases of each month beside them.
    const distinct = counts.data?.overlap?.rows ?? [];
    const months = [...new Set(rows.map((r) => r.month as string))].sort();
    const articles = [...new Set(rows.map((r) => r.article as string))].sort();
    const perMonth = (list: typeof rows, keep: (r: (typeof rows)[number]) => boolean) =>
      months.map((m) => list.filter((r) => r.month === m && keep(r)).reduce((n, r) => n + r.cases, 0));
    return {
      months,
      series: [
        { name: t('overview.allCases'), data: perMonth(distinct, () => true) },
        ...articles.map((a) => ({ name: t('overview.article', { article: a }), data: perMonth(rows, (r) => r.article === a) })),
      ],
    };
  }, [counts.data, t]);
  const lastFy = cbp.data?.rows.at(-1);
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p>{t('app.tagline')}</p>
      <section aria-labelledby="chart-h">
        <h2 id="chart-h">{t('overview.chart')}</h2>
        {counts.loading ? (
          <p>{t('common.loading')}</p>
        ) : chart.months.length ? (
          <Chart categories={chart.months} series={chart.series} label={t('overview.chart')} />
        ) : (
          <p>{t('overview.chartEmpty')}</p>
        )}
        {counts.data && counts.data.totals.removedCases > 0 && <p>{t('overview.removedCases', { count: counts.data.totals.removedCases })}</p>}
        {counts.data && counts.data.totals.cases > 0 && (
          <p data-testid="distinct-total">
            {t('overview.distinctTotal', { count: counts.data.totals.cases, formatted: formatNumber(counts.data.totals.cases, i18n.language) })}{' '}
            {counts.data.overlap && <span className="muted">{t('overview.overlapNote')}</span>}
          </p>
        )}
        {counts.data && counts.data.totals.syntheticCases > 0 && (
          <p>
            <span className="synthetic">{t('common.synthetic')}</span> {formatNumber(counts.data.totals.syntheticCases, i18n.language)}
          </p>
        )}
      </section>
      <section aria-labelledby="asylum-h">
        <h2 id="asylum-h">{t('overview.asylum')}</h2>
        {statisticsLoading && <p role="status">{t('overview.statisticsLoading')}</p>}
        <div className="cards">
          {germany.data?.rows.map((r) => (
            <div className="card" key={`${r.destination}-${r.period}`}>
              <div>{t('overview.figureFirstTime', { country: r.destination, year: r.period })}</div>
              <div className="value">{formatNumber(r.value, i18n.language)}</div>
              <div className="muted">
                {t('common.source')}: Eurostat {r.dataset} — {r.releases.map((x) => `${x.release}, ${formatDate(x.vintage, i18n.language)}`).join('; ')}
              </div>
            </div>
          ))}
          {lastFy && (
            <div className="card">
              <div>{t('overview.figureEncounters', { year: parsePeriod(lastFy.period)?.year ?? lastFy.period })}</div>
              <div className="value">{formatNumber(lastFy.value, i18n.language)}</div>
              <div className="muted">
                {t('common.source')}: US CBP — {lastFy.releases.map((x) => `${x.release}, ${formatDate(x.vintage, i18n.language)}`).join('; ')}
              </div>
            </div>
          )}
        </div>
      </section>
      <section aria-labelledby="latest-h">
        <h2 id="latest-h">{t('overview.latest')}</h2>
        {latest.data?.rows.length ? (
          <ul>
            {latest.data.rows.map((c) => (
              <li key={c.id}>
                <a href={`/cases/${c.id}`} onClick={onLinkClick}>
                  {c.case_number ?? `#${c.id}`}
                </a>{' '}
                — {c.court_name ?? c.court_vnkod}, {formatDate(c.receipt_date, i18n.language)}, {c.articles}{' '}
                {c.synthetic && <span className="synthetic">{t('common.synthetic')}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('common.empty')}</p>
        )}
      </section>
      <section aria-labelledby="method-h">
        <h2 id="method-h">{t('overview.method')}</h2>
        <p>{t('overview.methodText')}</p>
      </section>
    </>
  );
}

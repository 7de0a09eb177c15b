import { type SubmitEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS as DEFINITIONS } from '../../../src/asylum/model.ts';
import { monthsIn, parsePeriod } from '../../../src/shared/periods.ts';
import { query } from '../api.ts';
import { formatDate, formatNumber } from '../i18n.ts';
import { LazyChart as Chart } from '../LazyChart.tsx';
import { onLinkClick, useQueryState } from '../router.ts';
import { TableWrap } from '../TableWrap.tsx';
import type { SeriesResult } from '../types.ts';
import { useFetch } from '../useFetch.ts';
import { ComparePanel } from './ComparePanel.tsx';

const INDICATORS = ['applications', 'decisions', 'encounters', 'refugees', 'asylum_seekers', 'resettlement', 'clients'];

/** The measures of the legal-aid case files' `clients` indicator, as the server defines them (src/asylum/model.ts). */
const CLIENT_MEASURES = Object.keys(DEFINITIONS.clients.measures);
/** A `clients` measure's label: the row names of the published tables (stage_appeal → appeal; all → total). */
const clientMeasureKey = (measure: string) => `legalAid.rows.${measure === 'all' ? 'total' : measure.replace(/^(stage|outcome)_/, '')}`;

const DEFAULTS = { indicator: 'applications', measure: 'first_time', origin: 'RUS', dest: 'DEU,FRA,EU27', period: 'year', from: '2015', to: '' };

export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  // The query is kept in the URL (a link to this series; Back and reload keep it); the form is its draft.
  const [params, setParams] = useQueryState(DEFAULTS);
  const [form, setForm] = useState(params);
  useEffect(() => setForm(params), [params]);
  const qs = query({
    indicator: params.indicator,
    measure: params.measure,
    origin: params.origin,
    dest: params.dest,
    period: params.period,
    from: params.from,
    to: params.to,
  });
  const { data, error, loading } = useFetch<SeriesResult>(`/api/v1/stats/series${qs}`);
  const chart = useMemo(() => {
    const rows = data?.rows ?? [];
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const keys = [...new Set(rows.map((r) => `${r.source} · ${r.destination} · ${r.unit}`))];
    return {
      periods,
      series: keys.map((k) => ({
        name: k,
        data: periods.map((p) => rows.find((r) => `${r.source} · ${r.destination} · ${r.unit}` === k && r.period === p)?.value ?? null),
      })),
    };
  }, [data]);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const measure =
      form.indicator === 'encounters'
        ? 'total'
        : form.indicator === 'applications' || form.indicator === 'decisions' || form.indicator === 'clients'
          ? form.measure
          : '';
    setParams({ ...form, measure });
  };
  const input = (key: keyof typeof form, label: string) => (
    <label>
      {label}
      <input name={key} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  const clients = form.indicator === 'clients';
  /** A new indicator: a `clients` measure makes no sense for the others, and theirs none for it. */
  const pickIndicator = (indicator: string) => {
    const measure = indicator === 'clients' ? 'all' : form.indicator === 'clients' ? 'first_time' : form.measure;
    setForm({ ...form, indicator, measure });
  };
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p>
        <a href="/statistics/legal-aid" onClick={onLinkClick}>
          {t('legalAid.link')}
        </a>
      </p>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('stats.indicator')}
          <select
            name="indicator"
            value={form.indicator}
            onChange={(e) => pickIndicator(e.target.value)}
            {...(clients ? { 'aria-describedby': 'clients-caveat' } : {})}
          >
            {INDICATORS.map((i) => (
              <option key={i} value={i}>
                {t(`stats.indicators.${i}`)}
              </option>
            ))}
          </select>
        </label>
        {clients ? (
          <label>
            {t('stats.measure')}
            <select name="measure" value={form.measure} onChange={(e) => setForm({ ...form, measure: e.target.value })}>
              {CLIENT_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(clientMeasureKey(m))}
                </option>
              ))}
            </select>
          </label>
        ) : (
          input('measure', t('stats.measure'))
        )}
        {input('origin', t('stats.origin'))}
        {input('dest', t('stats.destinations'))}
        <label>
          {t('stats.period')}
          <select name="period" value={form.period} onChange={(e) => setForm({ ...form, period: e.target.value })}>
            {['year', 'fiscal_year', 'quarter', 'month'].map((p) => (
              <option key={p} value={p}>
                {t(`stats.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {input('from', t('stats.from'))}
        {input('to', t('stats.to'))}
        <button type="submit">{t('common.apply')}</button>
      </form>
      {(clients || params.indicator === 'clients') && (
        <p id="clients-caveat" className="warning" role="note">
          {t('stats.clientsCaveat')}{' '}
          <a href="/statistics/legal-aid" onClick={onLinkClick}>
            {t('stats.clientsTables')}
          </a>
        </p>
      )}
      {loading && <p>{t('common.loading')}</p>}
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      {data && (
        <>
          {chart.periods.length > 0 && <Chart categories={chart.periods} series={chart.series} kind="line" label={t('stats.title')} file="otkaz-series" />}
          <p>
            <a href={`/api/v1/stats/series${qs}&format=csv`}>{t('common.csv')}</a>
          </p>
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('common.source')}</th>
                  <th scope="col">{t('stats.destinations')}</th>
                  <th scope="col">{t('stats.period')}</th>
                  <th scope="col" className="num">
                    {t('stats.value')}
                  </th>
                  <th scope="col">{t('stats.unit')}</th>
                  <th scope="col">{t('stats.complete')}</th>
                  <th scope="col">{t('common.release')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the rows are replaced as a whole on each answer, never reordered or edited: the index is a stable key
                  <tr key={i}>
                    <td>
                      {r.source} ({r.dataset})
                    </td>
                    <td>{r.destination}</td>
                    <td>{r.period}</td>
                    <td className="num">
                      {formatNumber(r.value, i18n.language)}
                      {r.flags ? ` ${r.flags}` : ''}
                    </td>
                    <td>{r.unit}</td>
                    <td>{r.months === null ? '' : r.complete ? '✓' : `${r.months}/${monthsIn(parsePeriod(r.period)?.basis ?? 'year')}`}</td>
                    <td className="muted">
                      {r.releases.map((x) => `${x.release}, ${formatDate(x.vintage, i18n.language)} (sha256 ${x.sha256.slice(0, 12)}…)`).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <h2>{t('stats.definition')}</h2>
          <ul>
            {[...new Set(data.rows.map((r) => `${r.source}: ${r.definition}`))].map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          {data.notes.length > 0 && (
            <>
              <h2>{t('stats.notes')}</h2>
              <ul>
                {data.notes.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the rows are replaced as a whole on each answer, never reordered or edited: the index is a stable key
                  <li key={i}>{n.note}</li>
                ))}
              </ul>
            </>
          )}
          {data.queries.length > 0 && (
            <details className="queries">
              <summary>{t('stats.queries')}</summary>
              <p>{t('stats.queriesIntro')}</p>
              {data.queries.map((q) => (
                <section key={q.id} aria-label={`${t('stats.statement')} ${q.source} ${q.destination}`}>
                  <h3>
                    {q.source} · {q.destination}
                  </h3>
                  {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long statement scrolls; a scroll container must be focusable to be scrolled from the keyboard */}
                  <pre tabIndex={0}>
                    <code>{q.sql}</code>
                  </pre>
                  <p className="muted">
                    params: <code>{JSON.stringify(q.params)}</code>
                  </p>
                </section>
              ))}
            </details>
          )}
        </>
      )}
      <ComparePanel indicator={params.indicator} origin={params.origin} destination={params.dest.split(',')[0] ?? 'DEU'} />
    </>
  );
}

/** One quantity under every definition and source: which figure a published number matches, side by side. */
import { type SubmitEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../api.ts';
import { formatNumber } from '../i18n.ts';
import { TableWrap } from '../TableWrap.tsx';
import type { CompareCandidate } from '../types.ts';
import { useFetch } from '../useFetch.ts';

export function ComparePanel({ indicator, origin, destination }: { indicator: string; origin: string; destination: string }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState('2022');
  const [asked, setAsked] = useState<string | null>(null);
  const { data, error, loading } = useFetch<CompareCandidate[]>(asked);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setAsked(`/api/v1/stats/compare${query({ indicator, origin, dest: destination, period })}`);
  };
  return (
    <section aria-labelledby="compare-h">
      <h2 id="compare-h">{t('stats.compare', { destination })}</h2>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('stats.comparePeriod')}
          <input name="comparePeriod" value={period} onChange={(e) => setPeriod(e.target.value)} />
        </label>
        <button type="submit">{t('stats.compareButton')}</button>
      </form>
      {loading && asked && <p>{t('common.loading')}</p>}
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      {data && (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('stats.definition')}</th>
                <th scope="col">{t('stats.period')}</th>
                <th scope="col" className="num">
                  {t('stats.value')}
                </th>
                <th scope="col">{t('stats.complete')}</th>
                <th scope="col">{t('common.release')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows are replaced as a whole on each answer, never reordered or edited: the index is a stable key
                <tr key={i}>
                  <td>
                    {c.label}
                    <div className="muted">{c.definition}</div>
                  </td>
                  <td>{c.period}</td>
                  <td className="num">{formatNumber(c.value, i18n.language)}</td>
                  <td>{c.complete ? '✓' : '—'}</td>
                  <td className="muted">{c.releases.map((r) => `${r.release} (${r.vintage})`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

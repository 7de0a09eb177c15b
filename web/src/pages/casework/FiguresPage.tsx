import { useTranslation } from 'react-i18next';
import { useApi } from '../../casework/useApi.ts';
import { formatNumber } from '../../i18n.ts';
import type { ClientStats } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** /files/figures: counts of the organisation's files, with no identifying field (the statistics role's page). */
export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useApi<ClientStats>('/api/v1/clients/stats');
  const lang = i18n.language;
  return (
    <section aria-labelledby="figures-title">
      <h1 id="figures-title">{t('files.figures.title')}</h1>
      {loading && <p>{t('common.loading')}</p>}
      <ErrorMessage error={error} />
      {data && (
        <>
          <div className="cards">
            <div className="card">
              <div className="value">{formatNumber(data.total, lang)}</div>
              {t('files.figures.total')}
            </div>
            <div className="card">
              <div className="value">{formatNumber(data.withLinkedCase, lang)}</div>
              {t('files.figures.linked')}
            </div>
            <div className="card">
              <div className="value">{formatNumber(data.referrals.sent, lang)}</div>
              {t('files.figures.sent')}
            </div>
            <div className="card">
              <div className="value">{formatNumber(data.referrals.received, lang)}</div>
              {t('files.figures.received')}
            </div>
          </div>
          <h2>{t('files.figures.byStatus')}</h2>
          <ul>
            {Object.entries(data.byStatus).map(([k, v]) => (
              <li key={k}>
                {t(`files.status.${k}`)}: {formatNumber(v, lang)}
              </li>
            ))}
          </ul>
          <h2>{t('files.figures.byMilitary')}</h2>
          <ul>
            {Object.entries(data.byMilitaryStatus).map(([k, v]) => (
              <li key={k}>
                {t(`files.military.${k}`, { defaultValue: k })}: {formatNumber(v, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

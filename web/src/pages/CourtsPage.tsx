import { useTranslation } from 'react-i18next';
import type { Court } from '../types.ts';
import { useFetch } from '../useFetch.ts';
import { CaptchaQueue } from './CaptchaQueue.tsx';

export function CourtsPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useFetch<{ courts: Court[] }>('/api/v1/courts');
  if (loading) return <p>{t('common.loading')}</p>;
  if (error || !data) return <p role="alert">{t('common.error', { message: error ?? '' })}</p>;
  const districts = [...new Set(data.courts.map((c) => c.districtName ?? '—'))].sort();
  return (
    <>
      <h1>{t('courts.title')}</h1>
      <CaptchaQueue />
      {districts.map((d) => (
        <section key={d}>
          <h2>
            {t('courts.district')}: {d}
          </h2>
          <ul>
            {data.courts
              .filter((c) => (c.districtName ?? '—') === d)
              .map((c) => (
                <li key={`${c.vnkod}-${c.name}`}>
                  {c.name}{' '}
                  <span className="muted">
                    ({c.vnkod ?? '—'}, {c.host ?? '—'}
                    {c.captcha ? `, ${t('courts.captcha')}` : ''})
                  </span>{' '}
                  — {t('courts.crawl')}: {c.crawl ? t('courts.done', { done: c.crawl.done, pending: c.crawl.pending }) : t('courts.notCrawled')}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

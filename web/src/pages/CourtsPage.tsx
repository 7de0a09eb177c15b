/**
 * The military courts by appellate district (the okrug/fleet court first), each with the number of cases stored
 * and a link to them; courts found only in the 2020 list (abolished or renamed since) are marked. The operator's
 * captcha queue is not here: it has its own page (/operator/captchas).
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n.ts';
import { onLinkClick } from '../router.ts';
import type { ApiResponse, Court } from '../types.ts';
import { useFetch } from '../useFetch.ts';

type CourtCounts = ApiResponse<'/api/v1/stats/prosecutions'>;

/** The group a court is listed under: its district's court, an okrug/fleet court itself, or the federal level. */
function groupOf(court: Court): string {
  if (court.districtName) return court.districtName;
  if (court.type === 'okrug_fleet') return court.name;
  if (court.type === 'appellate' || court.type === 'cassation') return '';
  return '?';
}

/** Cases stored per court code: the counts' `court` key is "<vnkod> <name>". */
function casesByCourt(counts: CourtCounts | null): Map<string, number> {
  const byCourt = new Map<string, number>();
  for (const row of counts?.rows ?? []) {
    const vnkod = String(row.court ?? '').split(' ')[0] ?? '';
    byCourt.set(vnkod, (byCourt.get(vnkod) ?? 0) + row.cases);
  }
  return byCourt;
}

const TYPE_ORDER: Record<Court['type'], number> = { cassation: 0, appellate: 1, okrug_fleet: 2, garrison: 3 };

export function CourtsPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useFetch<ApiResponse<'/api/v1/courts'>>('/api/v1/courts');
  const counts = useFetch<CourtCounts>('/api/v1/stats/prosecutions?by=court');
  if (loading) return <p>{t('common.loading')}</p>;
  if (error || !data) return <p role="alert">{t('common.error', { message: error ?? '' })}</p>;
  const cases = casesByCourt(counts.data);
  const groups = new Map<string, Court[]>();
  for (const court of data.courts) groups.set(groupOf(court), [...(groups.get(groupOf(court)) ?? []), court]);
  // Federal courts first, then the districts by name, the courts of no known district last.
  const names = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a === '?' ? 1 : b === '?' ? -1 : a.localeCompare(b, 'ru')));
  const count = (court: Court) => (court.vnkod ? (cases.get(court.vnkod) ?? 0) : 0);
  return (
    <>
      <h1>{t('courts.title')}</h1>
      <p>{t('courts.intro', { courts: formatNumber(data.courts.length, i18n.language), abolished: formatNumber(data.counts.onlyInOldList, i18n.language) })}</p>
      {names.map((name, index) => {
        const courts = [...(groups.get(name) ?? [])].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.name.localeCompare(b.name, 'ru'));
        const total = courts.reduce((n, c) => n + count(c), 0);
        const heading = name === '' ? t('courts.federal') : name === '?' ? t('courts.noDistrict') : `${t('courts.district')}: ${name}`;
        return (
          <section key={name} aria-labelledby={`district-${index}`} className="district">
            <h2 id={`district-${index}`}>
              {heading}{' '}
              <span className="muted">({t('courts.districtCounts', { courts: courts.length, cases: formatNumber(total, i18n.language), count: total })})</span>
            </h2>
            <ul>
              {courts.map((c) => (
                <li key={`${c.vnkod}-${c.name}`} data-court={c.vnkod ?? ''}>
                  {c.name} {c.onlyInOldList && <span className="badge abolished">{t('courts.abolished')}</span>}{' '}
                  <span className="muted">
                    ({c.vnkod ?? '—'}, {c.host ?? '—'}
                    {c.captcha ? `, ${t('courts.captcha')}` : ''})
                  </span>{' '}
                  —{' '}
                  {c.vnkod && count(c) > 0 ? (
                    <a href={`/prosecutions?court=${encodeURIComponent(c.vnkod)}`} onClick={onLinkClick}>
                      {t('courts.cases', { formatted: formatNumber(count(c), i18n.language) })}
                    </a>
                  ) : (
                    t('courts.noCases')
                  )}
                  {' · '}
                  {t('courts.crawl')}: {c.crawl ? t('courts.done', { done: c.crawl.done, pending: c.crawl.pending }) : t('courts.notCrawled')}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

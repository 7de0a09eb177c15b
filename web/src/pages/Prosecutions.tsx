import { type SubmitEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../api.ts';
import { formatDate, formatNumber, outcomeLabel } from '../i18n.ts';
import { onLinkClick, useQueryState } from '../router.ts';
import { TableWrap } from '../TableWrap.tsx';
import type { CaseList } from '../types.ts';
import { useFetch } from '../useFetch.ts';

/** The list's state, kept in the URL (a link to a filtered page; Back from a case returns to it). */
const DEFAULTS = { article: '', court: '', from: '', to: '', q: '', removed: 'include', sort: '-receipt_date', page: '1' };
type Filters = typeof DEFAULTS;

export function Prosecutions() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useQueryState(DEFAULTS);
  const page = Math.max(1, Number.parseInt(filters.page, 10) || 1);
  const [draft, setDraft] = useState(filters);
  // Back, Forward or a link changed the URL: the form shows what is listed.
  useEffect(() => setDraft(filters), [filters]);
  // The filter of the list; the CSV is the whole filtered result (every page), in the list's order.
  const filter = {
    article: filters.article,
    court: filters.court,
    from: filters.from,
    to: filters.to,
    q: filters.q,
    removed: filters.removed === 'include' ? '' : filters.removed,
    sort: filters.sort,
  };
  const params = query({ ...filter, page, pageSize: 50 });
  const csvParams = query(filter);
  const result = useFetch<CaseList>(`/api/v1/cases${params}`);
  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / result.data.pageSize)) : 1;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setFilters({ ...draft, page: '1' });
  };
  const field = (key: keyof Filters, label: string, type = 'text') => (
    <label>
      {label}
      <input name={key} type={type} value={String(draft[key])} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  return (
    <>
      <h1>{t('cases.title')}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: <form role="search"> is the search landmark every browser and screen reader knows; <search> is recent */}
      <form className="filters" onSubmit={submit} role="search">
        {field('article', t('cases.article'))}
        {field('court', t('cases.court'))}
        {field('from', t('cases.from'), 'date')}
        {field('to', t('cases.to'), 'date')}
        {field('q', t('cases.q'))}
        <label>
          {t('cases.removed')}
          <select name="removed" value={draft.removed} onChange={(e) => setDraft({ ...draft, removed: e.target.value })}>
            <option value="include">{t('cases.removedAll')}</option>
            <option value="exclude">{t('cases.removedExclude')}</option>
            <option value="only">{t('cases.removedOnly')}</option>
          </select>
        </label>
        <label>
          {t('cases.sort')}
          <select name="sort" value={draft.sort} onChange={(e) => setDraft({ ...draft, sort: e.target.value })}>
            <option value="-receipt_date">{t('cases.sortNewest')}</option>
            <option value="receipt_date">{t('cases.sortOldest')}</option>
          </select>
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      {result.error && <p role="alert">{t('common.error', { message: result.error })}</p>}
      {result.data && (
        <>
          <p>
            {t('common.total', { count: result.data.total })} —{' '}
            <a href={`/api/v1/cases/export${csvParams}`} download>
              {t('common.csvAll', { total: formatNumber(result.data.total, i18n.language) })}
            </a>{' '}
            (
            <a href={`/api/v1/cases/export${query({ ...filter, bom: 'true' })}`} download>
              {t('common.csvExcel')}
            </a>
            ) —{' '}
            <a href={`/api/v1/watch/feed.atom${filters.court ? `?court=${encodeURIComponent(filters.court)}` : ''}`} type="application/atom+xml">
              {t('cases.feed')}
            </a>
          </p>
          <TableWrap>
            <table>
              <caption className="muted">{t('cases.title')}</caption>
              <thead>
                <tr>
                  {(['id', 'court', 'number', 'receipt', 'decision', 'articles', 'defendants', 'outcome'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`cases.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.data.rows.map((c) => (
                  <tr key={c.id}>
                    <td className="num">
                      <a href={`/cases/${c.id}`} onClick={onLinkClick}>
                        {c.id}
                      </a>
                    </td>
                    <td>
                      {c.court_name ?? c.court_vnkod}
                      {c.court_name ? <span className="muted"> {c.court_vnkod}</span> : null}
                    </td>
                    <td>
                      {c.case_number} {c.synthetic && <span className="synthetic">{t('common.synthetic')}</span>}
                      {c.removed_at && (
                        <>
                          {' '}
                          <span className="removed" title={formatDate(c.removed_at.slice(0, 10), i18n.language)}>
                            {t('cases.removedBadge')}
                          </span>
                        </>
                      )}
                    </td>
                    <td>{formatDate(c.receipt_date, i18n.language)}</td>
                    <td>{formatDate(c.decision_date, i18n.language)}</td>
                    <td>{c.articles}</td>
                    <td>
                      {c.defendants
                        ?.split(', ')
                        .map((d) => (d === 'hidden' ? t('cases.hiddenPerson') : d))
                        .join(', ')}
                    </td>
                    <td>{outcomeLabel(c.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <nav aria-label={t('common.pages')}>
            <button type="button" disabled={page <= 1} onClick={() => setFilters({ ...filters, page: String(page - 1) }, { scroll: true })}>
              {t('common.previous')}
            </button>{' '}
            {t('common.page', { page: formatNumber(page, i18n.language), pages: formatNumber(pages, i18n.language) })}{' '}
            <button type="button" disabled={page >= pages} onClick={() => setFilters({ ...filters, page: String(page + 1) }, { scroll: true })}>
              {t('common.next')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}

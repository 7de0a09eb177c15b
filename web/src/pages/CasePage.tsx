import { useTranslation } from 'react-i18next';
import { formatDate, outcomeLabel } from '../i18n.ts';
import { onLinkClick } from '../router.ts';
import { TableWrap } from '../TableWrap.tsx';
import type { CaseDetail } from '../types.ts';
import { useFetch } from '../useFetch.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function CasePage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const { data, error, loading } = useFetch<CaseDetail>(`/api/v1/cases/${id}`);
  usePageTitle(t('case.title', { number: data?.case.case_number ?? `#${id}` }));
  if (loading) return <p>{t('common.loading')}</p>;
  if (error || !data) return <p role="alert">{t('common.error', { message: error ?? '' })}</p>;
  const c = data.case;
  const evidence = data.access.evidence;
  return (
    <>
      <h1>
        {t('case.title', { number: c.case_number ?? `#${c.id}` })} {c.synthetic && <span className="synthetic">{t('common.synthetic')}</span>}
      </h1>
      <dl>
        <dt>{t('case.court')}</dt>
        <dd>{c.court_name ? `${c.court_name} (${c.court_vnkod})` : c.court_vnkod}</dd>
        <dt>{t('case.judge')}</dt>
        <dd>{c.judge ?? '—'}</dd>
        <dt>{t('case.received')}</dt>
        <dd>{formatDate(c.receipt_date, lang)}</dd>
        <dt>{t('case.decided')}</dt>
        <dd>{formatDate(c.decision_date, lang)}</dd>
        <dt>{t('case.outcome')}</dt>
        <dd>
          {outcomeLabel(c.outcome)}
          {c.result_text ? ` (${c.result_text})` : ''}
        </dd>
      </dl>
      <h2>{t('case.persons')}</h2>
      <ul>
        {data.persons.map((p) => (
          <li key={p.position}>
            {p.hidden ? t('cases.hiddenPerson') : p.initials} {p.outcome ? `— ${outcomeLabel(p.outcome)}` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('case.penalties')}</h2>
      <ul>
        {data.penalties.map((p) => (
          <li key={`${p.article}-${p.part}`}>
            {lang === 'ru' ? 'ст.' : 'art.'} {p.article}
            {p.part ? ` ${lang === 'ru' ? 'ч.' : 'part'} ${p.part}` : ''}:{' '}
            {p.offence ? `${p.offence.title[lang]} — ${p.offence.penalty.summary[lang]}` : t('case.notInKb')}
          </li>
        ))}
      </ul>
      <h2>{t('case.timeline')}</h2>
      <ol>
        {data.events.map((e) => (
          <li key={e.position}>
            {formatDate(e.event_date, lang)} — {e.name}
            {e.result ? ` (${e.result})` : ''}
          </li>
        ))}
      </ol>
      {data.linkedInstances.length > 0 && (
        <>
          <h2>{t('case.linked')}</h2>
          <ul>
            {data.linkedInstances.map((l) => (
              <li key={l.id}>
                <a href={`/cases/${l.id}`} onClick={onLinkClick}>
                  {l.case_number ?? `#${l.id}`}
                </a>{' '}
                — {l.court_vnkod} {l.proceeding ?? ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('case.captures')}</h2>
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('case.retrieved')}</th>
              <th scope="col">sha256</th>
              <th scope="col">URL</th>
              <th scope="col">{t('case.copies')}</th>
            </tr>
          </thead>
          <tbody>
            {data.history.map((h) => (
              <tr key={h.capture_id}>
                <td>{h.retrieved_at ? `${new Date(h.retrieved_at).toISOString().replace('T', ' ').slice(0, 19)} UTC` : '—'}</td>
                <td>
                  <code>{h.sha256}</code>
                </td>
                <td>
                  <code>{h.url}</code>
                </td>
                <td>
                  <a href={`/api/v1/captures/${h.capture_id}/redacted?format=html`} target="_blank" rel="noreferrer">
                    {t('case.redacted')}
                  </a>
                  {' · '}
                  {evidence ? (
                    <a href={`/api/v1/captures/${h.capture_id}/raw`} target="_blank" rel="noreferrer">
                      {t('case.view')}
                    </a>
                  ) : (
                    <span className="muted">{t('case.needsAccess')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {evidence ? (
        <p>
          <a href={`/api/v1/cases/${c.id}/warc`}>{t('case.warc')}</a>
        </p>
      ) : (
        <p className="muted">{t('case.warcNeedsAccess')}</p>
      )}
      <p className="muted">{t('case.evidenceNote')}</p>
    </>
  );
}

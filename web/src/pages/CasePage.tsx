import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, outcomeLabel } from '../i18n.ts';
import { onLinkClick } from '../router.ts';
import { TableWrap } from '../TableWrap.tsx';
import type { CaseDetail } from '../types.ts';
import { useFetch } from '../useFetch.ts';
import { usePageTitle } from '../usePageTitle.ts';

interface Sentence {
  kind: string;
  termMonths: number | null;
  probationMonths: number | null;
  fineRub: number | null;
}

const isSentence = (value: unknown): value is Sentence => typeof value === 'object' && value !== null && typeof (value as Sentence).kind === 'string';

/** A sentence as the court gave it: its kind, term, probation and fine, in the UI language. */
function sentenceText(t: TFunction, sentence: unknown, lang: string): string | null {
  if (!isSentence(sentence)) return null;
  const kind = t(`case.sentenceKinds.${sentence.kind}`, { defaultValue: sentence.kind });
  const parts = [kind];
  if (sentence.termMonths !== null) parts.push(t('case.months', { months: formatNumber(sentence.termMonths, lang) }));
  if (sentence.probationMonths !== null) parts.push(t('case.probation', { months: formatNumber(sentence.probationMonths, lang) }));
  if (sentence.fineRub !== null) parts.push(t('case.fine', { rub: formatNumber(sentence.fineRub, lang) }));
  return parts.join(', ');
}

const utc = (value: string) => `${new Date(value).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

export function CasePage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const { data, error, loading } = useFetch<CaseDetail>(`/api/v1/cases/${id}`);
  usePageTitle(t('case.title', { number: data?.case.case_number ?? `#${id}` }));
  if (loading) return <p>{t('common.loading')}</p>;
  if (error || !data) return <p role="alert">{t('common.error', { message: error ?? '' })}</p>;
  const c = data.case;
  const evidence = data.access.evidence;
  // The card the case was last read from: the source to open and to cite.
  const source = [...data.history].reverse().find((h) => h.url) ?? data.history.at(-1);
  const court = c.court_name ? `${c.court_name} (${c.court_vnkod})` : c.court_vnkod;
  return (
    <>
      <h1>
        {t('case.title', { number: c.case_number ?? `#${c.id}` })} {c.synthetic && <span className="synthetic">{t('common.synthetic')}</span>}
      </h1>
      {data.removal && (
        <section className="removed-notice" aria-labelledby="removed-h">
          <h2 id="removed-h">{t('case.removedTitle')}</h2>
          <p>
            {t('case.removedText', {
              date: formatDate(data.removal.at.slice(0, 10), lang),
              capture: data.removal.last_capture?.id ?? '?',
              captured: formatDate(data.removal.last_capture?.retrieved_at?.slice(0, 10) ?? null, lang),
              sha256: data.removal.last_capture?.sha256 ?? '?',
            })}{' '}
            {data.removal.evidence === 'http_404' || data.removal.evidence === 'not_found_page' || data.removal.evidence === 'absent_from_list'
              ? t(`case.removedHow.${data.removal.evidence}`)
              : ''}
          </p>
          <p className="muted">{t('case.removedKept')}</p>
        </section>
      )}
      <dl>
        <dt>{t('case.court')}</dt>
        <dd>{c.court_name ? `${c.court_name} (${c.court_vnkod})` : c.court_vnkod}</dd>
        <dt>{t('case.judicialUid')}</dt>
        <dd>{c.judicial_uid ? <code>{c.judicial_uid}</code> : '—'}</dd>
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
        <dt>{t('case.legalForce')}</dt>
        <dd>{formatDate(c.legal_force_date, lang)}</dd>
        <dt>{t('case.source')}</dt>
        <dd>
          {source?.url ? (
            <a href={source.url} rel="noreferrer noopener" target="_blank" className="source-url">
              {source.url}
            </a>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {source && (
        <section aria-labelledby="cite-h" className="citation">
          <h2 id="cite-h">{t('case.cite')}</h2>
          <p data-testid="citation">
            {t('case.citation', {
              number: c.case_number ?? `#${c.id}`,
              court,
              captured: source.retrieved_at ? utc(source.retrieved_at) : t('case.unknownTime'),
              sha256: source.sha256,
            })}
          </p>
        </section>
      )}
      <h2>{t('case.persons')}</h2>
      <ul>
        {data.persons.map((p) => (
          <li key={p.position}>
            {p.hidden ? t('cases.hiddenPerson') : p.initials} {p.outcome ? `— ${outcomeLabel(p.outcome)}` : ''}
            {sentenceText(t, p.sentence, lang) ? ` — ${t('case.sentence')}: ${sentenceText(t, p.sentence, lang)}` : ''}
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
                  {h.url ? (
                    <a href={h.url} rel="noreferrer noopener" target="_blank">
                      <code>{h.url}</code>
                    </a>
                  ) : (
                    '—'
                  )}
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
        <>
          <p>
            <a href={`/api/v1/cases/${c.id}/warc`}>{t('case.warc')}</a>
            {' · '}
            <a href={`/api/v1/cases/${c.id}/evidence-packet`} download>
              {t('case.packet')}
            </a>
          </p>
          <p className="muted">{t('case.packetNote')}</p>
        </>
      ) : (
        <p className="muted">{t('case.warcNeedsAccess')}</p>
      )}
      <p>
        <a href={`/api/v1/watch/feed.atom?case=${c.id}&lang=${lang}`} type="application/atom+xml">
          {t('case.follow')}
        </a>
      </p>
      <p className="muted">{t('case.evidenceNote')}</p>
    </>
  );
}

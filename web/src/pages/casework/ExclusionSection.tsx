import { useTranslation } from 'react-i18next';
import { localizedText } from '../../casework/localized.ts';
import { useApi } from '../../casework/useApi.ts';
import { formatDate } from '../../i18n.ts';
import type { ClientExclusion } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * Exclusion (art. 1F) preparation: the service timeline, and the public allegations against its units that the
 * authority may ask about — with sources, confidence and licence status. To prepare for, never a verdict.
 */
export function ExclusionSection({ clientId, round }: { clientId: string; round: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // A knowledge-base text in the UI language; in Russian an English-only one is labelled so.
  const pick = (text: { en: string; ru?: string | null }) => localizedText(text, lang, t);
  const { data, error } = useApi<ClientExclusion>(`/api/v1/clients/${clientId}/exclusion`, round);
  return (
    <section aria-labelledby="exclusion-title">
      <h2 id="exclusion-title">{t('files.exclusion.title')}</h2>
      <ErrorMessage error={error} />
      {data && (
        <>
          <p className="notice" role="note" data-testid="exclusion-notice">
            {pick(data.notice)}
          </p>
          <h3>{t('files.exclusion.timeline')}</h3>
          {data.timeline.length === 0 ? (
            <p>{t('files.exclusion.noService')}</p>
          ) : (
            <ol data-testid="service-timeline">
              {data.timeline.map((s) => (
                <li key={s.index}>
                  {s.from ? formatDate(s.from, lang) : '…'} – {s.to ? formatDate(s.to, lang) : '…'}:{' '}
                  {[s.unit, s.unitNumber, s.role, s.place].filter(Boolean).join(', ')}
                  {s.deployed ? ` (${t('files.exclusion.deployed')})` : ''}
                </li>
              ))}
            </ol>
          )}
          <h3>{t('files.exclusion.matches', { count: new Set(data.matches.map((m) => m.allegationId)).size })}</h3>
          {data.matches.length === 0 && <p>{t('files.exclusion.noMatch')}</p>}
          <ul className="exclusion-matches">
            {data.matches.map((m) => (
              <li key={`${m.serviceIndex}-${m.allegationId}`} className="card" data-testid="exclusion-match">
                <p>
                  <strong>{m.units.map((u) => `${pick(u.name)}${u.number ? ` (${t('files.exclusion.unitNumber')} ${u.number})` : ''}`).join('; ')}</strong>
                  {m.places.length > 0 && ` · ${m.places.map((p) => pick(p)).join(', ')}`} · {m.period.from}–{m.period.to}
                </p>
                <p>{pick(m.alleged)}</p>
                <p className="muted">
                  {t('files.exclusion.confidence')}: {t(`files.exclusion.confidences.${m.confidence}`)} · {t('files.exclusion.licence')}:{' '}
                  {t(`files.exclusion.licences.${m.licence}`)} · {t('files.exclusion.overlap')}: {t(`files.exclusion.overlaps.${m.periodOverlap}`)}
                </p>
                <ul>
                  {m.reasons.map((r) => (
                    <li key={`${r.field}-${r.rule}-${r.allegation.en}`}>
                      {t(`files.exclusion.rules.${r.rule}`)}: «{r.client}» ~ «{pick(r.allegation)}»
                    </li>
                  ))}
                </ul>
                <ul className="sources" data-testid="allegation-sources">
                  {m.sources.map((s) => (
                    <li key={`${s.publisher}-${s.title}-${s.published}`}>
                      {s.publisher}, “{s.title}”, {s.published}
                      {s.url && (
                        <>
                          {' · '}
                          <a href={s.url} rel="noreferrer noopener" target="_blank">
                            {new URL(s.url).hostname}
                          </a>
                        </>
                      )}
                      {s.document && ` · ${s.document}`}
                    </li>
                  ))}
                </ul>
                {m.note && <p className="muted">{pick(m.note)}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

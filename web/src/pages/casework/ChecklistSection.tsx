import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../casework/useApi.ts';
import { onLinkClick } from '../../router.ts';
import type { ChecklistItem, ClaimType, ClientChecklist } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export const CLAIM_TYPES: readonly ClaimType[] = [
  'deserter_criminal_case',
  'awol_337',
  'mobilised_before_deployment',
  'conscript_reservist_before_callup',
  'contract_soldier',
];

type Localized = { en: string; ru: string };
export const pick = (text: Localized, lang: string) => (lang.startsWith('ru') ? text.ru : text.en);

/** The sources of a checklist item: each fact, with its links or document references. */
function Sources({ facts, lang }: { facts: ChecklistItem['sources']; lang: string }) {
  const { t } = useTranslation();
  return (
    <ul className="sources">
      {facts.map((f) => (
        <li key={f.id}>
          {pick(f.text, lang)}{' '}
          <span className="muted">
            ({t(`files.checklist.confidence.${f.confidence}`)}
            {f.sources.map((s) => (
              <span key={s.url ?? s.document}>
                {' · '}
                {s.url ? (
                  <a href={s.url} rel="noreferrer noopener" target="_blank">
                    {new URL(s.url).hostname}
                  </a>
                ) : (
                  s.document
                )}
              </span>
            ))}
            )
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The document checklist of a claim type, held against the file: what meets each item, with its sources. */
export function ChecklistSection({ clientId, round }: { clientId: string; round: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [claimType, setClaimType] = useState<ClaimType | ''>('');
  const { data, error, loading } = useApi<ClientChecklist>(claimType ? `/api/v1/clients/${clientId}/checklist?claimType=${claimType}` : null, round);
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('files.checklist.title')}</h2>
      <label>
        {t('files.checklist.claimType')}{' '}
        <select value={claimType} onChange={(e) => setClaimType(e.target.value as ClaimType | '')} data-testid="claim-type">
          <option value="">{t('files.checklist.choose')}</option>
          {CLAIM_TYPES.map((c) => (
            <option key={c} value={c}>
              {t(`files.checklist.types.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {loading && <p>{t('common.loading')}</p>}
      <ErrorMessage error={error} />
      {data && (
        <>
          <p data-testid="checklist-summary">
            <strong>{pick(data.title, lang)}</strong> — {pick(data.summary, lang)}
          </p>
          <ol className="checklist">
            {data.items.map((item) => (
              <li key={item.id} className="card" data-testid="checklist-item">
                <p>
                  <strong>{pick(item.what, lang)}</strong> <span className={`status status-${item.status}`}>{t(`files.checklist.status.${item.status}`)}</span>{' '}
                  <span className="muted">{t(`files.checklist.kind.${item.kind}`)}</span>
                </p>
                <p>{pick(item.why, lang)}</p>
                {item.courtRecords.length > 0 && (
                  <ul>
                    {item.courtRecords.map((r) => (
                      <li key={r.linkId}>
                        <a href={`/cases/${r.caseId}`} onClick={onLinkClick}>
                          {r.caseNumber ?? `#${r.caseId}`}
                        </a>{' '}
                        {r.courtVnkod} · {t('files.cases.capture')} <code>{r.captureSha256 ?? '—'}</code> ·{' '}
                        {r.captureArchived ? t('files.cases.archived') : t('files.cases.notArchived')}
                      </li>
                    ))}
                  </ul>
                )}
                {item.documents.length > 0 && (
                  <>
                    <p className="muted">{t('files.checklist.candidates')}</p>
                    <ul>
                      {item.documents.map((d) => (
                        <li key={d.id}>
                          <a href={`/api/v1/clients/${clientId}/documents/${d.id}`} download={d.name}>
                            {d.name}
                          </a>{' '}
                          <code>{d.sha256.slice(0, 16)}</code>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <details>
                  <summary>{t('files.checklist.sources')}</summary>
                  <Sources facts={item.sources} lang={lang} />
                  {item.destinations.map((d) => (
                    <div key={d.country}>
                      <p>
                        <strong>{d.country}</strong>: {pick(d.note, lang)}
                      </p>
                      <Sources facts={d.sources} lang={lang} />
                    </div>
                  ))}
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

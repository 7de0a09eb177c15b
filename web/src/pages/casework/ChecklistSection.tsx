import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import { useApi } from '../../casework/useApi.ts';
import { formatDate } from '../../i18n.ts';
import { onLinkClick } from '../../router.ts';
import type { ChecklistItem, ChecklistMark, ChecklistMarkBody, ClaimType, ClientChecklist, ClientDocument, LinkedCase } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const STATUSES = ['met', 'not_applicable', 'to_check', 'open'] as const;

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

/** A worker's mark as shown: the judgement, who and when, what it names (with sha256), what is gone since. */
function MarkDetails({ mark, clientId }: { mark: ChecklistMark; clientId: string }) {
  const { t, i18n } = useTranslation();
  const who = mark.markedByEmail ?? t('files.checklist.formerMember');
  return (
    <div className="mark" data-testid="checklist-mark">
      <p>
        {t(`files.checklist.judgement.${mark.judgement}`, { who, date: formatDate(mark.markedAt, i18n.language) })}
        {mark.reason && (
          <>
            {': '}
            <q>{mark.reason}</q>
          </>
        )}
      </p>
      {mark.documents.length > 0 && (
        <ul aria-label={t('files.checklist.markedDocuments')}>
          {mark.documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/v1/clients/${clientId}/documents/${d.id}`} download={d.name}>
                {d.name}
              </a>{' '}
              · sha256 <code className="hash">{d.sha256}</code>
            </li>
          ))}
        </ul>
      )}
      {mark.courtRecords.length > 0 && (
        <ul aria-label={t('files.checklist.markedRecords')}>
          {mark.courtRecords.map((r) => (
            <li key={r.linkId}>
              {r.caseNumber ?? `#${r.caseId}`} {r.courtVnkod} · {t('files.cases.capture')} <code className="hash">{r.captureSha256 ?? '—'}</code>
            </li>
          ))}
        </ul>
      )}
      {mark.missing.length > 0 && (
        <p role="status" className="error" data-testid="checklist-missing">
          {t('files.checklist.checkAgain')} {mark.missing.map((m) => t(`files.checklist.missing.${m.why}`, { id: m.id.slice(0, 8) })).join('; ')}
        </p>
      )}
      {mark.note && <p className="prewrap">{mark.note}</p>}
    </div>
  );
}

/** The worker's controls on one item: met by documents and court records of the file, not applicable, reopen. */
function MarkForm({
  clientId,
  claimType,
  item,
  documents,
  cases,
  onSaved,
}: {
  clientId: string;
  claimType: ClaimType;
  item: ChecklistItem;
  documents: ClientDocument[];
  cases: LinkedCase[];
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const what = pick(item.what, i18n.language);
  const [documentIds, setDocumentIds] = useState<string[]>(item.mark?.documents.map((d) => d.id) ?? []);
  const [linkIds, setLinkIds] = useState<string[]>(item.mark?.courtRecords.map((r) => r.linkId) ?? []);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const records = cases.filter((c) => c.captureArchived && c.link.captureSha256);
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  async function send(body: Omit<ChecklistMarkBody, 'claimType' | 'itemId' | 'revision'>) {
    setError(null);
    try {
      await api('POST', `/api/v1/clients/${clientId}/checklist/marks`, { claimType, itemId: item.id, revision: item.revision, ...body });
      setNote('');
      setReason('');
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  }
  const withNote = note.trim() ? { note: note.trim() } : {};
  return (
    <details>
      <summary>{t('files.checklist.judge')}</summary>
      <form
        className="stack"
        aria-label={t('files.checklist.markFor', { what })}
        onSubmit={(e) => {
          e.preventDefault();
          void send({ judgement: 'met', documentIds, linkIds, ...withNote });
        }}
      >
        <fieldset>
          <legend>{t('files.checklist.metBy')}</legend>
          {documents.length === 0 && records.length === 0 && <p className="muted">{t('files.checklist.nothingToPick')}</p>}
          {documents.map((d) => (
            <label key={d.id} className="check">
              <input type="checkbox" checked={documentIds.includes(d.id)} onChange={(e) => setDocumentIds(toggle(documentIds, d.id, e.target.checked))} />{' '}
              {d.name} <code>{d.sha256.slice(0, 12)}</code>
            </label>
          ))}
          {records.map((c) => (
            <label key={c.link.linkId} className="check">
              <input type="checkbox" checked={linkIds.includes(c.link.linkId)} onChange={(e) => setLinkIds(toggle(linkIds, c.link.linkId, e.target.checked))} />{' '}
              {t('files.checklist.courtRecord', { number: c.link.caseNumber ?? `#${c.link.caseId}` })}
            </label>
          ))}
        </fieldset>
        <label>
          {t('files.checklist.note')}
          <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="row">
          <button type="submit" disabled={documentIds.length === 0 && linkIds.length === 0}>
            {t('files.checklist.markMet')}
          </button>
        </div>
        <label>
          {t('files.checklist.reason')}
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="row">
          <button type="button" disabled={!reason.trim()} onClick={() => void send({ judgement: 'not_applicable', reason: reason.trim(), ...withNote })}>
            {t('files.checklist.markNotApplicable')}
          </button>
          {item.mark && item.mark.judgement !== 'reopened' && (
            <button type="button" onClick={() => void send({ judgement: 'reopened', ...withNote })}>
              {t('files.checklist.reopen')}
            </button>
          )}
        </div>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}

/**
 * The document checklist of a claim type, held against the file: what meets each item (a worker's judgement, an
 * archived court record), with its sources; counts per status; for workers, the controls to mark each item.
 */
export function ChecklistSection({ clientId, round, documents, cases }: { clientId: string; round: number; documents: ClientDocument[]; cases: LinkedCase[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [claimType, setClaimType] = useState<ClaimType | ''>('');
  const [marked, setMarked] = useState(0);
  const { data, error, loading } = useApi<ClientChecklist>(claimType ? `/api/v1/clients/${clientId}/checklist?claimType=${claimType}` : null, round + marked);
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
          <p data-testid="checklist-counts">{STATUSES.map((s) => t(`files.checklist.count.${s}`, { count: data.counts[s] })).join(' · ')}</p>
          <ol className="checklist">
            {data.items.map((item) => (
              <li key={item.id} className="card" data-testid="checklist-item">
                <p>
                  <strong>{pick(item.what, lang)}</strong> <span className={`status status-${item.status}`}>{t(`files.checklist.status.${item.status}`)}</span>{' '}
                  {item.metBy && <span className="muted">({t(`files.checklist.metByKind.${item.metBy}`)})</span>}{' '}
                  <span className="muted">{t(`files.checklist.kind.${item.kind}`)}</span>
                </p>
                <p>{pick(item.why, lang)}</p>
                {item.mark && <MarkDetails mark={item.mark} clientId={clientId} />}
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
                {data.access.mark && (
                  <MarkForm
                    key={`${item.id}-${item.revision}`}
                    clientId={clientId}
                    claimType={data.claimType}
                    item={item}
                    documents={documents}
                    cases={cases}
                    onSaved={() => setMarked((m) => m + 1)}
                  />
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

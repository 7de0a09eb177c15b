import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import { formatDate, outcomeLabel } from '../../i18n.ts';
import { onLinkClick } from '../../router.ts';
import type { CaseUnlinked, LinkedCase } from '../../types.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { SyntheticLabel } from './SyntheticLabel.tsx';

const caseLabel = ({ link, current }: LinkedCase) => current?.case_number ?? link.caseNumber ?? `#${link.caseId}`;

/**
 * The court records linked to the file: the card now, the capture it was linked on (sha256), changes since; for the
 * workers (`clientId` given), removing a link — asked once more, naming the case, before it happens.
 */
export function LinkedCases({ cases, clientId, onUnlinked }: { cases: LinkedCase[]; clientId?: string; onUnlinked?: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<Error | null>(null);
  const [unlinked, setUnlinked] = useState<{ label: string; result: CaseUnlinked } | null>(null);
  async function unlink(linked: LinkedCase) {
    setError(null);
    setUnlinked(null);
    try {
      const result = await api<CaseUnlinked>('POST', `/api/v1/clients/${clientId}/cases/${linked.link.linkId}/remove`);
      setUnlinked({ label: caseLabel(linked), result });
      onUnlinked?.();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <>
      <CaseCards cases={cases} {...(clientId ? { onUnlink: unlink } : {})} />
      {unlinked && (
        <p role="status">
          {t('files.cases.unlinked', { case: unlinked.label })}
          {unlinked.result.marksToCheck > 0 && ` ${t('files.docs.marksToCheck', { count: unlinked.result.marksToCheck })}`}
        </p>
      )}
      <ErrorMessage error={error} />
    </>
  );
}

function CaseCards({ cases, onUnlink }: { cases: LinkedCase[]; onUnlink?: (linked: LinkedCase) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (cases.length === 0) return <p>{t('files.cases.none')}</p>;
  return (
    <ul className="linked-cases">
      {cases.map(({ link, current, captureArchived, changesSinceLink }) => (
        <li key={link.linkId} className="card">
          <p>
            <a href={`/cases/${link.caseId}`} onClick={onLinkClick}>
              {current?.case_number ?? link.caseNumber ?? `#${link.caseId}`}
            </a>{' '}
            {current?.court_name ?? link.courtVnkod} <SyntheticLabel synthetic={current?.synthetic ?? false} />
          </p>
          {current ? (
            <dl>
              <div>
                <dt>{t('files.cases.uid')}</dt>
                <dd>{current.judicial_uid ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('files.cases.received')}</dt>
                <dd>{formatDate(current.receipt_date, lang)}</dd>
              </div>
              <div>
                <dt>{t('files.cases.outcome')}</dt>
                <dd>
                  {outcomeLabel(current.outcome)} {current.decision_date && `(${formatDate(current.decision_date, lang)})`}
                </dd>
              </div>
            </dl>
          ) : (
            <p>{t('files.cases.gone')}</p>
          )}
          <p className="muted">
            {t('files.cases.linkedAt', { date: formatDate(link.linkedAt, lang) })} · {t('files.cases.capture')}{' '}
            <code data-testid="capture-sha256">{link.captureSha256 ?? '—'}</code> · {captureArchived ? t('files.cases.archived') : t('files.cases.notArchived')}
          </p>
          {onUnlink && (
            <p>
              <ConfirmAction
                label={t('files.cases.unlink')}
                name={t('files.cases.unlinkNamed', { case: caseLabel({ link, current, captureArchived, changesSinceLink }) })}
                question={t('files.cases.unlinkQuestion', { case: caseLabel({ link, current, captureArchived, changesSinceLink }) })}
                confirm={t('files.cases.unlinkConfirm')}
                onConfirm={() => onUnlink({ link, current, captureArchived, changesSinceLink })}
              />
            </p>
          )}
          <h3>{t('files.cases.changes')}</h3>
          {changesSinceLink.length === 0 ? (
            <p>{t('files.cases.noChanges')}</p>
          ) : (
            <ul>
              {changesSinceLink.map((c) => (
                <li key={`${c.capture_id}-${c.recorded_at}`}>
                  {formatDate(c.recorded_at, lang)} — {t(`files.cases.kind.${c.kind}`)} <code>{c.sha256.slice(0, 16)}</code>{' '}
                  <SyntheticLabel synthetic={c.synthetic} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

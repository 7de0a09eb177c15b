import { useTranslation } from 'react-i18next';
import { formatDate, outcomeLabel } from '../../i18n.ts';
import { onLinkClick } from '../../router.ts';
import type { LinkedCase } from '../../types.ts';
import { SyntheticLabel } from './SyntheticLabel.tsx';

/** The court records linked to the file: the card now, the capture it was linked on (sha256), changes since. */
export function LinkedCases({ cases }: { cases: LinkedCase[] }) {
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

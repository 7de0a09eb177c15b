import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n.ts';
import type { ApplicationDeadline } from '../../types.ts';

const lang = (language: string): 'en' | 'ru' => (language.startsWith('ru') ? 'ru' : 'en');

/** One deadline: its date (or why there is none), the rule, the urgent application, and — unfolded — the arithmetic and sources. */
export function DeadlineItem({ deadline }: { deadline: ApplicationDeadline }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const title = deadline.ruleTitle?.[l] ?? t('files.deadlines.setByHand');
  return (
    <li data-testid="deadline" data-rule={deadline.rule ?? ''} data-due={deadline.due ?? ''}>
      <strong>
        {deadline.status === 'due' && deadline.due
          ? `${t('files.deadlines.due')} ${formatDate(deadline.due, i18n.language)} (${deadline.due})`
          : t(`files.deadlines.status.${deadline.status}`)}
      </strong>{' '}
      — {title}
      {deadline.label ? ` · ${deadline.label}` : ''}
      {deadline.done && <span className="muted"> · {t('files.deadlines.done')}</span>}
      {deadline.rule && <span className="muted"> · {deadline.rule}</span>}
      {deadline.urgentApplication && (
        <p>
          <strong>{t('files.deadlines.urgent')}</strong>
        </p>
      )}
      {deadline.missing && <p>{t(`files.deadlines.missing.${deadline.missing}`)}</p>}
      {deadline.error && <p role="alert">{deadline.error.message}</p>}
      {deadline.result?.nonWorkingDay && <p>{t('files.deadlines.nonWorkingDay', { why: deadline.result.nonWorkingDay })}</p>}
      {deadline.result && (
        <details>
          <summary>{t('files.deadlines.how')}</summary>
          <ol data-testid="deadline-explanation">
            {deadline.result.explanation.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p>
            {t('files.deadlines.sources')}:{' '}
            {deadline.result.sources.map((s, i) => (
              <span key={s.citation}>
                {i > 0 ? '; ' : ''}
                {s.url ? (
                  <a href={s.url} rel="noreferrer noopener" target="_blank">
                    {s.citation}
                  </a>
                ) : (
                  s.citation
                )}
              </span>
            ))}
          </p>
          {deadline.result.note && <p className="muted">{deadline.result.note}</p>}
        </details>
      )}
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { citationIn, explainSteps, keptOnNonWorkingDay } from '../../../../src/deadlines/explain.ts';
import { refusalIn } from '../../../../src/deadlines/refusals.ts';
import { formatDate } from '../../i18n.ts';
import type { ApplicationDeadline } from '../../types.ts';

const lang = (language: string): 'en' | 'ru' => (language.startsWith('ru') ? 'ru' : 'en');

/**
 * One deadline: its date (or why there is none: a refusal written in the app's language), the rule, the urgent
 * application, and — unfolded — the arithmetic (written from the engine's structured steps in the app's language)
 * and sources.
 */
export function DeadlineItem({ deadline }: { deadline: ApplicationDeadline }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const ruleTitle = deadline.ruleTitle?.[l] ?? t('files.deadlines.setByHand');
  // A date set by hand is named by its own words (what is due, the order that set it); the rule's title follows.
  const own = deadline.origin === 'manual' && deadline.label ? deadline.label : null;
  const nonWorkingDay = deadline.result ? keptOnNonWorkingDay(deadline.result.steps, l) : null;
  return (
    <li data-testid="deadline" data-rule={deadline.rule ?? ''} data-due={deadline.due ?? ''}>
      <strong>
        {deadline.status === 'due' && deadline.due
          ? `${t('files.deadlines.due')} ${formatDate(deadline.due, i18n.language)} (${deadline.due})`
          : t(`files.deadlines.status.${deadline.status}`)}
      </strong>{' '}
      — {own ?? ruleTitle}
      {own && <span className="muted"> · {ruleTitle}</span>}
      {deadline.origin === 'manual' && deadline.source && <span> · {deadline.source}</span>}
      {deadline.done && <span className="muted"> · {t('files.deadlines.done')}</span>}
      {deadline.rule && <span className="muted"> · {deadline.rule}</span>}
      {deadline.urgentApplication && (
        <p>
          <strong>{t('files.deadlines.urgent')}</strong>
        </p>
      )}
      {deadline.missing && <p>{t(`files.deadlines.missing.${deadline.missing}`)}</p>}
      {deadline.error && <p role="alert">{deadline.error.refusal ? refusalIn(deadline.error.refusal, l) : deadline.error.message}</p>}
      {nonWorkingDay && <p>{t('files.deadlines.nonWorkingDay', { why: nonWorkingDay })}</p>}
      {deadline.result && (
        <details>
          <summary>{t('files.deadlines.how')}</summary>
          <ol data-testid="deadline-explanation">
            {explainSteps(deadline.result.steps, l).map((step) => (
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
                    {citationIn(s, l)}
                  </a>
                ) : (
                  citationIn(s, l)
                )}
              </span>
            ))}
          </p>
          {deadline.ruleNote && <p className="muted">{deadline.ruleNote[l]}</p>}
        </details>
      )}
    </li>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citationIn, explainSteps, keptOnNonWorkingDay, periodIn } from '../../../src/deadlines/explain.ts';
import { type DeadlineRefusal, isDeadlineRefusal, refusalIn } from '../../../src/deadlines/refusals.ts';
import { ApiError, getJson, query } from '../api.ts';
import type { Lang } from '../i18n.ts';
import type { DeadlineResult, DeadlineRules } from '../types.ts';
import { useFetch } from '../useFetch.ts';

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The deadline calculator: a rule, the date and the options → the due date, each step and the sources (public).
 * The steps come structured from the API and are written here in the app's language (src/deadlines/explain.ts),
 * so switching language needs no new request; so does a refusal (its `refusal`, src/deadlines/refusals.ts).
 */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'ru' ? 'ru' : 'en') as Lang;
  const rules = useFetch<DeadlineRules>('/api/v1/deadlines/rules');
  const [ruleId, setRuleId] = useState('de.bamf.klage');
  const [from, setFrom] = useState('');
  const [due, setDue] = useState('');
  const [region, setRegion] = useState('');
  const [overseas, setOverseas] = useState(false);
  const [shift, setShift] = useState(false);
  const [requested, setRequested] = useState('');
  const [decided, setDecided] = useState('');
  const [result, setResult] = useState<DeadlineResult | null>(null);
  const [error, setError] = useState<{ message: string; refusal: DeadlineRefusal | null } | null>(null);
  const rule = rules.data?.find((r) => r.id === ruleId);
  const manual = rule?.kind === 'manual';
  const event = rule?.event[lang] ?? '';
  const nonWorkingDay = result ? keptOnNonWorkingDay(result.steps, lang) : null;

  const compute = async () => {
    setError(null);
    setResult(null);
    try {
      const params = {
        rule: ruleId,
        from,
        due: manual ? due : '',
        region,
        overseas: rule?.options.overseas && overseas ? 'true' : '',
        shift: manual && shift ? 'true' : '',
        legalAidRequestedOn: rule?.options.legalAid ? requested : '',
        legalAidDecidedOn: rule?.options.legalAid ? decided : '',
        language: lang,
      };
      setResult(await getJson<DeadlineResult>(`/api/v1/deadlines/compute${query(params)}`));
    } catch (e) {
      const refusal = e instanceof ApiError ? e.problem.refusal : undefined;
      setError({ message: (e as Error).message, refusal: isDeadlineRefusal(refusal) ? refusal : null });
    }
  };

  return (
    <>
      <h1>{t('deadlines.title')}</h1>
      <p>{t('deadlines.intro')}</p>
      {rules.error && <p role="alert">{t('common.error', { message: rules.error })}</p>}
      <form
        className="deadline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <p>
          <label htmlFor="deadline-rule">{t('deadlines.rule')}</label>{' '}
          <select
            id="deadline-rule"
            value={ruleId}
            onChange={(e) => {
              setRuleId(e.target.value);
              setRegion('');
              setResult(null);
            }}
          >
            {(rules.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.country} — {r.title[lang]} ({r.id})
              </option>
            ))}
          </select>
        </p>
        {rule && (
          <p className="rule-summary">
            {upperFirst(rule.step[lang])}. {rule.period ? t('deadlines.period', { period: periodIn(rule.period, lang) }) : t('deadlines.setByHand')}
          </p>
        )}
        <p>
          <label htmlFor="deadline-from">{manual ? t('deadlines.orderDate') : t('deadlines.from', { event })}</label>{' '}
          <input id="deadline-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required={!manual} />
        </p>
        {manual && (
          <>
            <p>
              <label htmlFor="deadline-due">{t('deadlines.due')}</label>{' '}
              <input id="deadline-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} required />
            </p>
            <p>
              <label>
                <input type="checkbox" checked={shift} onChange={(e) => setShift(e.target.checked)} /> {t('deadlines.shift')}
              </label>
            </p>
          </>
        )}
        {rule && rule.holidays.regions.length > 1 && (
          <p>
            <label htmlFor="deadline-region">{t('deadlines.region')}</label>{' '}
            <select id="deadline-region" value={region} onChange={(e) => setRegion(e.target.value)}>
              <option value="">{t('deadlines.defaultRegion', { region: rule.holidays.defaultRegion })}</option>
              {rule.holidays.regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <br />
            <small>{rule.holidays.note[lang]}</small>
          </p>
        )}
        {rule?.options.overseas && (
          <p>
            <label>
              <input type="checkbox" checked={overseas} onChange={(e) => setOverseas(e.target.checked)} /> {t('deadlines.overseas')}
            </label>
          </p>
        )}
        {rule?.options.legalAid && (
          <fieldset>
            <legend>{t('deadlines.legalAid', { days: rule.options.legalAid.withinDays })}</legend>
            <p>
              <label htmlFor="deadline-aid-requested">{t('deadlines.legalAidRequested')}</label>{' '}
              <input id="deadline-aid-requested" type="date" value={requested} onChange={(e) => setRequested(e.target.value)} />
            </p>
            <p>
              <label htmlFor="deadline-aid-decided">{t('deadlines.legalAidDecided')}</label>{' '}
              <input id="deadline-aid-decided" type="date" value={decided} onChange={(e) => setDecided(e.target.value)} />
            </p>
          </fieldset>
        )}
        <button type="submit">{t('deadlines.compute')}</button>
      </form>
      {error && (
        <p role="alert" data-testid="deadline-refused">
          {t('deadlines.refused', { message: error.refusal ? refusalIn(error.refusal, lang) : error.message })}
        </p>
      )}
      {result && (
        <section aria-live="polite" className="deadline-result">
          <h2>
            {result.status === 'due' ? (
              <>
                {t('deadlines.dueOn')} <output data-testid="deadline-due">{result.due}</output>
              </>
            ) : (
              t('deadlines.suspended')
            )}
          </h2>
          {result.urgentApplication && <p className="warning">{t('deadlines.urgent')}</p>}
          {nonWorkingDay && <p className="warning">{t('deadlines.nonWorking', { reason: nonWorkingDay })}</p>}
          <p>
            {t('deadlines.ruleApplied')}: <code>{result.rule}</code> — {rule?.title[lang] ?? result.title}
          </p>
          {rule?.note && <p>{rule.note[lang]}</p>}
          <h3>{t('deadlines.steps')}</h3>
          <ol data-testid="deadline-steps">
            {explainSteps(result.steps, lang).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <h3>{t('deadlines.sources')}</h3>
          <ul>
            {result.sources.map((s) => (
              <li key={s.citation}>{s.url ? <a href={s.url}>{citationIn(s, lang)}</a> : citationIn(s, lang)}</li>
            ))}
          </ul>
          <p>
            <small>{t('deadlines.disclaimer')}</small>
          </p>
        </section>
      )}
    </>
  );
}

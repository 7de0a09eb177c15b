import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalIn } from '../../../../src/deadlines/refusals.ts';
import { procedureName, useProcedures } from '../../casework/procedures.ts';
import { STORAGE_PREFIX } from '../../casework/session.ts';
import { useApi } from '../../casework/useApi.ts';
import { formatDate } from '../../i18n.ts';
import { onLinkClick } from '../../router.ts';
import { TableWrap } from '../../TableWrap.tsx';
import type { DashboardEntry, DeadlinesDashboard, ProcedureCountry } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const SCOPE_KEY = `${STORAGE_PREFIX}deadlines-scope`;
const BUCKETS = ['overdue', 'thisWeek', 'later', 'undetermined'] as const;
const lang = (language: string): 'en' | 'ru' => (language.startsWith('ru') ? 'ru' : 'en');

/** /files/deadlines: the deadlines of my files (or my organisation's) — overdue, this week, later, without a date. */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const [scope, setScope] = useState(() => (sessionStorage.getItem(SCOPE_KEY) === 'organisation' ? 'organisation' : 'mine'));
  const { data, error, loading } = useApi<DeadlinesDashboard>(`/api/v1/deadlines/dashboard?scope=${scope}`);
  const countries = useProcedures();
  return (
    <section aria-labelledby="deadlines-title">
      <h1 id="deadlines-title">{t('files.dashboard.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('files.dashboard.scope')}
          <select
            value={scope}
            onChange={(e) => {
              setScope(e.target.value);
              sessionStorage.setItem(SCOPE_KEY, e.target.value);
            }}
          >
            <option value="mine">{t('files.dashboard.mine')}</option>
            <option value="organisation">{t('files.dashboard.organisation')}</option>
          </select>
        </label>
        <a href={`/api/v1/deadlines/calendar.ics?scope=${scope}`} download="otkaz-deadlines.ics">
          {t('files.dashboard.calendar')}
        </a>
      </form>
      <p className="muted">{t('files.dashboard.calendarNote')}</p>
      {loading && <p>{t('common.loading')}</p>}
      <ErrorMessage error={error} />
      {data && (
        <>
          <p className="muted">{t('files.dashboard.today', { date: formatDate(data.today, i18n.language) })}</p>
          {BUCKETS.map((bucket) => (
            <Bucket key={bucket} bucket={bucket} entries={data[bucket]} countries={countries} />
          ))}
          <p className="muted">{t('files.dashboard.done', { count: data.done })}</p>
        </>
      )}
    </section>
  );
}

function Bucket({ bucket, entries, countries }: { bucket: (typeof BUCKETS)[number]; entries: DashboardEntry[]; countries: ProcedureCountry[] }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  return (
    <section aria-labelledby={`bucket-${bucket}`} data-testid={`bucket-${bucket}`}>
      <h2 id={`bucket-${bucket}`}>
        {t(`files.dashboard.${bucket}`)} ({entries.length})
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('files.dashboard.due')}</th>
                <th scope="col">{t('files.dashboard.rule')}</th>
                <th scope="col">{t('files.dashboard.client')}</th>
                <th scope="col">{t('files.dashboard.application')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.key} data-testid="dashboard-entry" data-rule={e.rule ?? ''} data-due={e.due ?? ''}>
                  <td>
                    {e.due ? (
                      <>
                        {formatDate(e.due, i18n.language)} ({e.due})
                        <br />
                        <span className="muted">
                          {e.daysLeft !== null &&
                            (e.daysLeft < 0 ? t('files.dashboard.daysOverdue', { count: -e.daysLeft }) : t('files.dashboard.daysLeft', { count: e.daysLeft }))}
                        </span>
                      </>
                    ) : (
                      t(`files.deadlines.status.${e.status}`)
                    )}
                  </td>
                  <td data-testid="dashboard-title">
                    {e.origin === 'manual' && e.label ? (
                      <>
                        <strong>{e.label}</strong>
                        {e.source && <div>{e.source}</div>}
                        <div className="muted">{e.ruleTitle?.[l] ?? t('files.deadlines.setByHand')}</div>
                      </>
                    ) : (
                      (e.ruleTitle?.[l] ?? t('files.deadlines.setByHand'))
                    )}
                    {e.urgentApplication && (
                      <>
                        <br />
                        <strong>{t('files.deadlines.urgentShort')}</strong>
                      </>
                    )}
                    {e.error && <div className="muted">{e.error.refusal ? refusalIn(e.error.refusal, l) : e.error.message}</div>}
                    {e.missing && <div className="muted">{t(`files.deadlines.missing.${e.missing}`)}</div>}
                  </td>
                  <td>
                    <a href={`/files/${e.clientId}`} onClick={onLinkClick}>
                      {e.clientName ?? e.initials}
                    </a>
                  </td>
                  <td data-testid="dashboard-application" title={`${e.destination} · ${e.procedure}`}>
                    {procedureName(countries, e.destination, e.procedure, l)}
                    {e.reference ? ` · ${e.reference}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

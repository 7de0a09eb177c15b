import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n.ts';
import type { ClientFile, ClientRecord } from '../../types.ts';

type Group = ClientFile['access']['groups'][number];

/** The record's field groups, only those the caller's role may see (as the API returns them). */
export function RecordGroups({ record, groups }: { record: ClientRecord; groups: Group[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const has = (g: Group) => groups.includes(g);
  return (
    <>
      {has('person') && record.person && (
        <section aria-labelledby="g-person">
          <h2 id="g-person">{t('files.groups.person')}</h2>
          <dl>
            {record.person.names.map((n) => (
              <div key={`${n.script}-${n.family}`}>
                <dt>{t(`files.form.names.${n.script}`)}</dt>
                <dd lang={n.script === 'cyrillic' ? 'ru' : 'en'}>{[n.family, n.given, n.patronymic].filter(Boolean).join(' ')}</dd>
              </div>
            ))}
            <div>
              <dt>{t('files.form.birthDate')}</dt>
              <dd>{formatDate(record.person.birthDate, lang)}</dd>
            </div>
            {record.person.languages.length > 0 && (
              <div>
                <dt>{t('files.form.languages')}</dt>
                <dd>{record.person.languages.join(', ')}</dd>
              </div>
            )}
            {record.person.contact && (
              <div>
                <dt>{t('files.form.contact')}</dt>
                <dd>
                  {record.person.contact.method}
                  {record.person.contact.times && ` (${t('files.form.contactTimes', { times: record.person.contact.times })})`}
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}
      {has('military') && record.military && (
        <section aria-labelledby="g-military">
          <h2 id="g-military">{t('files.groups.military')}</h2>
          <p>
            {t(`files.military.${record.military.status}`)}
            {record.military.rank && ` · ${t('files.form.rank')}: ${record.military.rank}`}
          </p>
          {record.military.service.length > 0 && (
            <>
              <h3>{t('files.edit.service')}</h3>
              <ul data-testid="service-periods">
                {record.military.service.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: service periods have no id
                  <li key={i}>
                    {s.from ? formatDate(s.from, lang) : '…'} – {s.to ? formatDate(s.to, lang) : '…'}:{' '}
                    {[s.unit, s.unitNumber, s.role, s.place].filter(Boolean).join(', ')}
                    {s.deployed ? ` (${t('files.exclusion.deployed')})` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {has('documents') && (
        <section aria-labelledby="g-documents">
          <h2 id="g-documents">{t('files.groups.documents')}</h2>
          {record.documents.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <ul>
              {record.documents.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the record's documents have no id
                <li key={i}>
                  {t(`files.docTypes.${d.type}`)} {d.number && <code>{d.number}</code>} — {t(`files.docStates.${d.state}`)}
                  {d.note && ` (${d.note})`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {has('wanted') && record.wanted && (
        <section aria-labelledby="g-wanted">
          <h2 id="g-wanted">{t('files.groups.wanted')}</h2>
          <p>
            {t(`files.wanted.${record.wanted.status}`)}
            {record.wanted.checkedOn && ` (${formatDate(record.wanted.checkedOn, lang)})`}
          </p>
          {record.wanted.evidence && (
            <p className="prewrap">
              {t('files.form.wantedEvidence')}: {record.wanted.evidence}
            </p>
          )}
        </section>
      )}
      {has('consent') && (
        <section aria-labelledby="g-consent">
          <h2 id="g-consent">{t('files.groups.consent')}</h2>
          <p>{record.consent.shareWithinOrganisation ? t('files.consent.shareYes') : t('files.consent.shareNo')}</p>
          <p>
            {record.consent.referralTo.length > 0 ? t('files.consent.referral', { orgs: record.consent.referralTo.join(', ') }) : t('files.consent.noReferral')}
          </p>
          {record.consent.until && <p>{t('files.consent.until', { date: formatDate(record.consent.until, lang) })}</p>}
        </section>
      )}
      {has('summary') && record.summary && (
        <section aria-labelledby="g-summary">
          <h2 id="g-summary">{t('files.groups.summary')}</h2>
          <p className="prewrap">{record.summary}</p>
        </section>
      )}
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import { navigate } from '../../router.ts';
import type { ClientCreated, IdentityDocument, MilitaryStatus, NewClient, WantedStatus } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { fieldLabel } from './fieldLabel.ts';
import { IdentityDocumentsInput } from './IdentityDocumentsInput.tsx';

export const MILITARY: MilitaryStatus[] = ['conscript', 'contract', 'mobilised', 'reservist', 'volunteer', 'none', 'unknown'];
export const WANTED: WantedStatus[] = ['unknown', 'not_listed', 'federal', 'interstate', 'interpol'];

export interface Name {
  family: string;
  given: string;
  patronymic: string;
}
export const EMPTY_NAME: Name = { family: '', given: '', patronymic: '' };

export function nameOf(name: Name, script: 'cyrillic' | 'latin'): NewClient['person']['names'][number] | null {
  if (!name.family.trim()) return null;
  return {
    script,
    family: name.family.trim(),
    ...(name.given.trim() ? { given: name.given.trim() } : {}),
    ...(name.patronymic.trim() ? { patronymic: name.patronymic.trim() } : {}),
  };
}

export function NameFields({ script, value, onChange }: { script: 'cyrillic' | 'latin'; value: Name; onChange: (n: Name) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t(`files.form.names.${script}`)}</legend>
      {(['family', 'given', 'patronymic'] as const).map((part) => (
        <label key={part}>
          {t(`files.form.names.${part}`)}
          <input
            autoComplete="off"
            lang={script === 'cyrillic' ? 'ru' : 'en'}
            value={value[part]}
            onChange={(e) => onChange({ ...value, [part]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** /files/new: open a client file. */
export function NewClientPage() {
  const { t } = useTranslation();
  const [cyrillic, setCyrillic] = useState<Name>(EMPTY_NAME);
  const [latin, setLatin] = useState<Name>(EMPTY_NAME);
  const [birthDate, setBirthDate] = useState('');
  const [military, setMilitary] = useState<MilitaryStatus>('unknown');
  const [documents, setDocuments] = useState<IdentityDocument[]>([]);
  const [wanted, setWanted] = useState<WantedStatus>('unknown');
  const [share, setShare] = useState(false);
  const [referralTo, setReferralTo] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const names = [nameOf(cyrillic, 'cyrillic'), nameOf(latin, 'latin')].filter((n) => n !== null);
    if (names.length === 0) {
      setError(new Error(t('files.form.needName')));
      return;
    }
    const body: NewClient = {
      person: { names, ...(birthDate ? { birthDate } : {}) },
      military: { status: military },
      documents: documents.filter((d) => d.number?.trim() || d.note?.trim()),
      wanted: { status: wanted },
      consent: {
        shareWithinOrganisation: share,
        referralTo: referralTo
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      },
      ...(summary.trim() ? { summary: summary.trim() } : {}),
    };
    try {
      const created = await api<ClientCreated>('POST', '/api/v1/clients', body);
      navigate(`/files/${created.id}`);
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">{t('files.form.title')}</h1>
      <form className="stack client-form" onSubmit={submit}>
        <NameFields script="cyrillic" value={cyrillic} onChange={setCyrillic} />
        <NameFields script="latin" value={latin} onChange={setLatin} />
        <label>
          {t('files.form.birthDate')}
          <input type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        </label>
        <label>
          {t('files.form.military')}
          <select value={military} onChange={(e) => setMilitary(e.target.value as MilitaryStatus)}>
            {MILITARY.map((m) => (
              <option key={m} value={m}>
                {t(`files.military.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <IdentityDocumentsInput value={documents} onChange={setDocuments} />
        <label>
          {t('files.form.wanted')}
          <select value={wanted} onChange={(e) => setWanted(e.target.value as WantedStatus)}>
            {WANTED.map((w) => (
              <option key={w} value={w}>
                {t(`files.wanted.${w}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('files.form.consent')}</legend>
          <label className="inline">
            <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} /> {t('files.form.share')}
          </label>
          <label>
            {t('files.form.referralTo')}
            <input autoComplete="off" value={referralTo} onChange={(e) => setReferralTo(e.target.value)} />
          </label>
        </fieldset>
        <label>
          {t('files.form.summary')}
          <textarea rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <ErrorMessage
          error={error}
          label={(path) =>
            fieldLabel(
              path,
              [nameOf(cyrillic, 'cyrillic'), nameOf(latin, 'latin')].filter((n) => n !== null),
              t,
            )
          }
        />
        <button type="submit">{t('files.form.submit')}</button>
      </form>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { issueLines, issuesOf } from '../../casework/issues.ts';
import { api } from '../../casework/session.ts';
import type { ClientFile, ClientRecord, ClientUpdate, IdentityDocument, MilitaryStatus, WantedStatus } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { fieldLabel } from './fieldLabel.ts';
import { IdentityDocumentsInput } from './IdentityDocumentsInput.tsx';
import { EMPTY_NAME, MILITARY, type Name, NameFields, nameOf, WANTED } from './NewClientPage.tsx';

type Group = ClientFile['access']['groups'][number];
type RecordName = NonNullable<ClientRecord['person']>['names'][number];
type Service = NonNullable<ClientRecord['military']>['service'][number];
type Body = ClientUpdate['record'];

/** One service period as typed: every field a string (a checkbox for "deployed"). */
interface Period {
  unit: string;
  unitNumber: string;
  role: string;
  place: string;
  from: string;
  to: string;
  deployed: boolean;
}
const EMPTY_PERIOD: Period = { unit: '', unitNumber: '', role: '', place: '', from: '', to: '', deployed: false };
const PERIOD_TEXT = ['unit', 'unitNumber', 'role', 'place'] as const;

const periodOf = (s: Service): Period => ({
  unit: s.unit ?? '',
  unitNumber: s.unitNumber ?? '',
  role: s.role ?? '',
  place: s.place ?? '',
  from: s.from ?? '',
  to: s.to ?? '',
  deployed: s.deployed ?? false,
});

/** A typed value, trimmed; empty → absent (the schema refuses empty strings). */
const opt = <K extends string>(key: K, value: string): { [P in K]?: string } => {
  const v = value.trim();
  return (v ? { [key]: v } : {}) as { [P in K]?: string };
};

function serviceOf(p: Period): Service | null {
  const s: Service = {
    ...opt('unit', p.unit),
    ...opt('unitNumber', p.unitNumber),
    ...opt('role', p.role),
    ...opt('place', p.place),
    ...opt('from', p.from),
    ...opt('to', p.to),
    ...(p.deployed ? { deployed: true } : {}),
  };
  return Object.keys(s).length > 0 ? s : null;
}

const nameFrom = (n: RecordName | undefined): Name => (n ? { family: n.family, given: n.given ?? '', patronymic: n.patronymic ?? '' } : EMPTY_NAME);

/**
 * The service periods of the record: unit, unit number, role, place, from/to, deployed — what exclusion preparation
 * checks against the public allegations. Rows are added and removed; empty rows are not saved.
 */
function ServiceInput({ value, onChange }: { value: Period[]; onChange: (periods: Period[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, p: Period) => onChange(value.map((q, j) => (j === i ? p : q)));
  return (
    <fieldset>
      <legend>{t('files.edit.service')}</legend>
      {value.length === 0 && <p className="muted">{t('files.edit.noPeriods')}</p>}
      {value.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: service periods have no identity of their own
        <fieldset key={i} className="row" data-testid="service-period">
          <legend>{t('files.edit.period', { n: i + 1 })}</legend>
          {PERIOD_TEXT.map((field) => (
            <label key={field}>
              {t(`files.edit.periodFields.${field}`)}
              <input autoComplete="off" value={p[field]} onChange={(e) => set(i, { ...p, [field]: e.target.value })} />
            </label>
          ))}
          <label>
            {t('files.edit.periodFields.from')}
            <input type="date" value={p.from} onChange={(e) => set(i, { ...p, from: e.target.value })} />
          </label>
          <label>
            {t('files.edit.periodFields.to')}
            <input type="date" value={p.to} onChange={(e) => set(i, { ...p, to: e.target.value })} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={p.deployed} onChange={(e) => set(i, { ...p, deployed: e.target.checked })} />{' '}
            {t('files.edit.periodFields.deployed')}
          </label>
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('files.edit.removePeriod', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...value, EMPTY_PERIOD])}>
        {t('files.edit.addPeriod')}
      </button>
    </fieldset>
  );
}

/** A refusal of the save as a sentence: the revision conflict, or the refused fields by their labels. */
function SaveError({ error, names, revision }: { error: Error | null; names: readonly RecordName[]; revision: number }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 409)
    return (
      <p role="alert" className="error" data-testid="edit-conflict">
        {t('files.edit.conflict', { revision })}
      </p>
    );
  if (error instanceof ApiError && error.status === 400) {
    const issues = issuesOf(error);
    const label = (path: string) => (path.startsWith('record.') ? fieldLabel(path.slice('record.'.length), names, t) : path);
    const fields =
      issues.length > 0
        ? issueLines(issues, t, label)
        : error.message.split('; ').map((part) => {
            const m = /^(?:body\.)?record\.([\w.]+): (.*)$/s.exec(part);
            return m?.[1] ? `${fieldLabel(m[1], names, t)}: ${m[2]}` : part.replace(/^(body|query|params)\./, '');
          });
    return (
      <div role="alert" className="error" data-testid="edit-invalid">
        <p>{t('files.edit.invalid')}</p>
        <ul>
          {fields.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

/**
 * Edit the client's record (workers: those who may edit the file): the person (names in both scripts, date of
 * birth, languages, safe contact), military status, rank and service periods, identity documents and the wanted
 * list — each only where the role may see its group (the server keeps the others as stored, whatever is sent).
 * Saved whole, on the revision shown: when someone else saved first, the API answers 409 and nothing is saved.
 */
export function EditRecordForm({ file, onSaved }: { file: ClientFile; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!file.record.person) return null;
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('files.edit.open')}
        </button>
      </p>
    );
  return (
    <RecordForm
      file={file}
      onClose={() => setOpen(false)}
      onSaved={() => {
        setOpen(false);
        onSaved();
      }}
    />
  );
}

/** The form itself: its draft lives while it is open (Cancel drops it). */
function RecordForm({ file, onClose, onSaved }: { file: ClientFile; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = file.record;
  const groups: readonly Group[] = file.access.groups;
  const has = (g: Group) => groups.includes(g);
  const names = record.person?.names ?? [];
  const firstCyrillic = names.find((n) => n.script === 'cyrillic');
  const firstLatin = names.find((n) => n.script === 'latin');
  const [cyrillic, setCyrillic] = useState<Name>(nameFrom(firstCyrillic));
  const [latin, setLatin] = useState<Name>(nameFrom(firstLatin));
  const [birthDate, setBirthDate] = useState(record.person?.birthDate ?? '');
  const [languages, setLanguages] = useState((record.person?.languages ?? []).join(', '));
  const [contactMethod, setContactMethod] = useState(record.person?.contact?.method ?? '');
  const [contactTimes, setContactTimes] = useState(record.person?.contact?.times ?? '');
  const [military, setMilitary] = useState<MilitaryStatus>(record.military?.status ?? 'unknown');
  const [rank, setRank] = useState(record.military?.rank ?? '');
  const [periods, setPeriods] = useState<Period[]>((record.military?.service ?? []).map(periodOf));
  const [documents, setDocuments] = useState<IdentityDocument[]>(record.documents ?? []);
  const [wanted, setWanted] = useState<WantedStatus>(record.wanted?.status ?? 'unknown');
  const [checkedOn, setCheckedOn] = useState(record.wanted?.checkedOn ?? '');
  const [evidence, setEvidence] = useState(record.wanted?.evidence ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [sent, setSent] = useState<readonly RecordName[]>(names);
  const [saving, setSaving] = useState(false);

  if (!record.person) return null;
  const person = record.person;

  function body(): Body | null {
    // The first spelling in each script is edited here; further spellings are kept as they were.
    const others = person.names.filter((n) => n !== firstCyrillic && n !== firstLatin);
    const edited = [nameOf(cyrillic, 'cyrillic'), nameOf(latin, 'latin')].filter((n) => n !== null);
    if (edited.length === 0) return null;
    const { criminalCases: _links, ...rest } = record;
    const contact = contactMethod.trim() || contactTimes.trim() ? { method: contactMethod.trim(), ...opt('times', contactTimes) } : undefined;
    const out: Body = {
      ...rest,
      person: {
        names: [...edited, ...others],
        ...opt('birthDate', birthDate),
        languages: languages
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
        ...(contact ? { contact } : {}),
      },
    };
    if (has('military'))
      out.military = {
        status: military,
        ...opt('rank', rank),
        service: periods.map(serviceOf).filter((s) => s !== null),
      };
    if (has('documents')) out.documents = documents.map(({ number, note, ...d }) => ({ ...d, ...opt('number', number ?? ''), ...opt('note', note ?? '') }));
    if (has('wanted')) out.wanted = { status: wanted, ...opt('checkedOn', checkedOn), ...opt('evidence', evidence) };
    return out;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const next = body();
    if (!next) {
      setError(new Error(t('files.form.needName')));
      return;
    }
    setSent(next.person.names);
    const update: ClientUpdate = { revision: file.revision, record: next };
    setSaving(true);
    try {
      await api('POST', `/api/v1/clients/${file.id}`, update);
      onSaved();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('files.edit.title')}</h2>
      <p className="muted">{t('files.edit.onRevision', { revision: file.revision })}</p>
      <form className="stack client-form" aria-labelledby="edit-title" onSubmit={submit}>
        {has('person') && (
          <fieldset>
            <legend>{t('files.groups.person')}</legend>
            <NameFields script="cyrillic" value={cyrillic} onChange={setCyrillic} />
            <NameFields script="latin" value={latin} onChange={setLatin} />
            <label>
              {t('files.form.birthDate')}
              <input type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
            </label>
            <label>
              {t('files.edit.languages')}
              <input autoComplete="off" value={languages} onChange={(e) => setLanguages(e.target.value)} />
            </label>
            <label>
              {t('files.form.contact')}
              <input autoComplete="off" value={contactMethod} onChange={(e) => setContactMethod(e.target.value)} />
            </label>
            <label>
              {t('files.edit.contactTimes')}
              <input autoComplete="off" value={contactTimes} onChange={(e) => setContactTimes(e.target.value)} />
            </label>
          </fieldset>
        )}
        {has('military') && (
          <fieldset>
            <legend>{t('files.groups.military')}</legend>
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
            <label>
              {t('files.form.rank')}
              <input autoComplete="off" value={rank} onChange={(e) => setRank(e.target.value)} />
            </label>
            <ServiceInput value={periods} onChange={setPeriods} />
          </fieldset>
        )}
        {has('documents') && <IdentityDocumentsInput value={documents} onChange={setDocuments} />}
        {has('wanted') && (
          <fieldset>
            <legend>{t('files.groups.wanted')}</legend>
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
            <label>
              {t('files.edit.wantedCheckedOn')}
              <input type="date" value={checkedOn} onChange={(e) => setCheckedOn(e.target.value)} />
            </label>
            <label>
              {t('files.form.wantedEvidence')}
              <input autoComplete="off" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
            </label>
          </fieldset>
        )}
        <SaveError error={error} names={sent} revision={file.revision} />
        <div className="row">
          <button type="submit" disabled={saving}>
            {t('files.edit.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('files.edit.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

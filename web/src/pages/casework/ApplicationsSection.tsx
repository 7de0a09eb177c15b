import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import { useApi } from '../../casework/useApi.ts';
import { formatDate } from '../../i18n.ts';
import type { ApplicationStep, ClientApplication, ClientDocument, ProcedureCountry } from '../../types.ts';
import { DeadlineItem } from './DeadlineItem.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ManualDeadlineForm } from './ManualDeadlineForm.tsx';

type Lang = 'en' | 'ru';
type Procedure = ProcedureCountry['procedures'][number];

const lang = (language: string): Lang => (language.startsWith('ru') ? 'ru' : 'en');

function findProcedure(countries: ProcedureCountry[], id: string): { country: ProcedureCountry; procedure: Procedure } | null {
  for (const country of countries) for (const procedure of country.procedures) if (procedure.id === id) return { country, procedure };
  return null;
}

/** What an application is edited with: everything but its id, revision, times and computed deadlines. */
function bodyOf(a: ClientApplication) {
  const { id: _id, revision: _revision, createdAt: _created, updatedAt: _updated, deadlines: _deadlines, ...body } = a;
  return body;
}

/** The client's asylum applications: each procedure's steps with dates and outcomes, a new application, a new step. */
export function ApplicationsSection({ clientId, documents }: { clientId: string; documents: ClientDocument[] }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const [round, setRound] = useState(0);
  const reload = () => setRound((r) => r + 1);
  const apps = useApi<{ applications: ClientApplication[] }>(`/api/v1/clients/${clientId}/applications`, round);
  const models = useApi<{ countries: ProcedureCountry[] }>('/api/v1/procedures');
  const countries = models.data?.countries ?? [];
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">{t('files.applications.title')}</h2>
      <ErrorMessage error={apps.error ?? models.error} />
      {apps.data && apps.data.applications.length === 0 && <p>{t('common.empty')}</p>}
      {apps.data?.applications.map((a) => {
        const found = findProcedure(countries, a.procedure);
        return (
          <article key={a.id} className="card" aria-label={`${found?.country.name[l] ?? a.destination}: ${found?.procedure.name[l] ?? a.procedure}`}>
            <h3>
              {found?.country.name[l] ?? a.destination} · {found?.procedure.name[l] ?? a.procedure}
              {a.reference ? ` · ${a.reference}` : ''}
            </h3>
            {found?.country.caveat && <p className="muted">{found.country.caveat[l]}</p>}
            <ol className="timeline">
              {a.steps.map((s) => (
                <StepItem key={s.id} step={s} procedure={found?.procedure ?? null} documents={documents} />
              ))}
            </ol>
            <h4>{t('files.deadlines.title')}</h4>
            {a.deadlines.length === 0 ? (
              <p className="muted">{t('files.deadlines.none')}</p>
            ) : (
              <ul className="deadlines" aria-label={t('files.deadlines.title')}>
                {a.deadlines.map((d) => (
                  <DeadlineItem key={d.key} deadline={d} />
                ))}
              </ul>
            )}
            {found && <StepForm clientId={clientId} application={a} procedure={found.procedure} documents={documents} onSaved={reload} />}
            <ManualDeadlineForm clientId={clientId} application={a} body={bodyOf(a)} onSaved={reload} />
          </article>
        );
      })}
      {countries.length > 0 && <NewApplicationForm clientId={clientId} countries={countries} onAdded={reload} />}
    </section>
  );
}

function StepItem({ step, procedure, documents }: { step: ApplicationStep; procedure: Procedure | null; documents: ClientDocument[] }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const stage = procedure?.stages.find((s) => s.id === step.stage);
  const outcome = stage?.outcomes.find((o) => o.id === step.outcome);
  const dates = (
    [
      ['filed', step.filedOn],
      ['decided', step.decidedOn],
      ['served', step.servedOn],
    ] as const
  ).filter(([, d]) => d);
  return (
    <li>
      <strong>{stage?.name[l] ?? step.stage}</strong> — {stage?.authority[l]}
      <div>
        {dates.map(([k, d]) => (
          <span key={k}>
            {t(`files.applications.${k}`)} {formatDate(d ?? '', i18n.language)}{' '}
          </span>
        ))}
        {outcome && (
          <span>
            · {t('files.applications.outcome')}: <strong>{outcome.label[l]}</strong>
          </span>
        )}
      </div>
      {outcome?.note && <p className="muted">{outcome.note[l]}</p>}
      {step.legalAid && (
        <p>
          {t('files.applications.legalAidRequested')} {formatDate(step.legalAid.requestedOn, i18n.language)}
          {step.legalAid.decidedOn ? ` · ${t('files.applications.legalAidDecided')} ${formatDate(step.legalAid.decidedOn, i18n.language)}` : ''}
        </p>
      )}
      {step.documentIds.length > 0 && (
        <p>
          {t('files.applications.documents')}: {step.documentIds.map((id) => documents.find((d) => d.id === id)?.name ?? id).join(', ')}
        </p>
      )}
      {step.note && <p className="prewrap">{step.note}</p>}
    </li>
  );
}

function StepForm({
  clientId,
  application,
  procedure,
  documents,
  onSaved,
}: {
  clientId: string;
  application: ClientApplication;
  procedure: Procedure;
  documents: ClientDocument[];
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const [stageId, setStageId] = useState(procedure.stages[0]?.id ?? '');
  const [outcome, setOutcome] = useState('');
  const [filedOn, setFiledOn] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [servedOn, setServedOn] = useState('');
  const [legalAidRequestedOn, setLegalAidRequestedOn] = useState('');
  const [legalAidDecidedOn, setLegalAidDecidedOn] = useState('');
  const [overseas, setOverseas] = useState(false);
  const [documentId, setDocumentId] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const stage = procedure.stages.find((s) => s.id === stageId);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const step = {
      stage: stageId,
      ...(filedOn ? { filedOn } : {}),
      ...(decidedOn ? { decidedOn } : {}),
      ...(servedOn ? { servedOn } : {}),
      ...(outcome ? { outcome } : {}),
      ...(legalAidRequestedOn ? { legalAid: { requestedOn: legalAidRequestedOn, ...(legalAidDecidedOn ? { decidedOn: legalAidDecidedOn } : {}) } } : {}),
      ...(overseas ? { overseas: true } : {}),
      documentIds: documentId ? [documentId] : [],
    };
    try {
      await api('POST', `/api/v1/clients/${clientId}/applications/${application.id}`, {
        ...bodyOf(application),
        revision: application.revision,
        steps: [...application.steps, step],
      });
      setOutcome('');
      setFiledOn('');
      setDecidedOn('');
      setServedOn('');
      setLegalAidRequestedOn('');
      setLegalAidDecidedOn('');
      setOverseas(false);
      setDocumentId('');
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={t('files.applications.addStep')}>
      <div className="row">
        <label>
          {t('files.applications.stage')}
          <select
            aria-label={t('files.applications.stage')}
            value={stageId}
            onChange={(e) => {
              setStageId(e.target.value);
              setOutcome('');
            }}
          >
            {procedure.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('files.applications.outcome')}
          <select aria-label={t('files.applications.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">{t('files.applications.pending')}</option>
            {stage?.outcomes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t('files.applications.filed')}
          <input type="date" value={filedOn} onChange={(e) => setFiledOn(e.target.value)} />
        </label>
        <label>
          {t('files.applications.decided')}
          <input type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
        </label>
        <label>
          {t('files.applications.served')}
          <input type="date" value={servedOn} onChange={(e) => setServedOn(e.target.value)} />
        </label>
      </div>
      {application.destination === 'FR' && (
        <div className="row">
          <label>
            {t('files.applications.legalAidRequested')}
            <input type="date" value={legalAidRequestedOn} onChange={(e) => setLegalAidRequestedOn(e.target.value)} />
          </label>
          <label>
            {t('files.applications.legalAidDecided')}
            <input type="date" value={legalAidDecidedOn} onChange={(e) => setLegalAidDecidedOn(e.target.value)} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={overseas} onChange={(e) => setOverseas(e.target.checked)} /> {t('files.applications.overseas')}
          </label>
        </div>
      )}
      {documents.length > 0 && (
        <label>
          {t('files.applications.documents')}
          <select aria-label={t('files.applications.documents')} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            <option value="">—</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorMessage error={error} />
      <button type="submit">{t('files.applications.addStep')}</button>
    </form>
  );
}

function NewApplicationForm({ clientId, countries, onAdded }: { clientId: string; countries: ProcedureCountry[]; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const [destination, setDestination] = useState(countries[0]?.country ?? '');
  const country = countries.find((c) => c.country === destination);
  const [procedure, setProcedure] = useState(country?.procedures[0]?.id ?? '');
  const [reference, setReference] = useState('');
  const [region, setRegion] = useState('');
  const [arrivedOn, setArrivedOn] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', `/api/v1/clients/${clientId}/applications`, {
        destination,
        procedure,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(region.trim() ? { region: region.trim().toUpperCase() } : {}),
        ...(arrivedOn ? { arrivedOn } : {}),
      });
      setReference('');
      onAdded();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={t('files.applications.add')}>
      <h3>{t('files.applications.add')}</h3>
      <div className="row">
        <label>
          {t('files.applications.destination')}
          <select
            aria-label={t('files.applications.destination')}
            value={destination}
            onChange={(e) => {
              setDestination(e.target.value);
              setProcedure(countries.find((c) => c.country === e.target.value)?.procedures[0]?.id ?? '');
            }}
          >
            {countries.map((c) => (
              <option key={c.country} value={c.country}>
                {c.name[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('files.applications.procedure')}
          <select aria-label={t('files.applications.procedure')} value={procedure} onChange={(e) => setProcedure(e.target.value)}>
            {country?.procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t('files.applications.reference')}
          <input value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
        <label>
          {t('files.applications.region')}
          {/* Only Germany has regions (the Land of the court); France and the United States have one calendar each. */}
          <input value={region} placeholder={destination === 'DE' ? 'DE-BE' : undefined} onChange={(e) => setRegion(e.target.value)} />
        </label>
        <label>
          {t('files.applications.arrived')}
          <input type="date" value={arrivedOn} onChange={(e) => setArrivedOn(e.target.value)} />
        </label>
      </div>
      <ErrorMessage error={error} />
      <button type="submit">{t('files.applications.add')}</button>
    </form>
  );
}

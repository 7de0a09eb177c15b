import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findProcedure, type Procedure } from '../../casework/procedures.ts';
import { api } from '../../casework/session.ts';
import { useApi } from '../../casework/useApi.ts';
import { formatDate } from '../../i18n.ts';
import type { ApplicationStep, ClientApplication, ClientDocument, ProcedureCountry } from '../../types.ts';
import { DeadlineItem } from './DeadlineItem.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ManualDeadlineForm } from './ManualDeadlineForm.tsx';

type Lang = 'en' | 'ru';

const lang = (language: string): Lang => (language.startsWith('ru') ? 'ru' : 'en');

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
                <StepItem key={s.id} clientId={clientId} application={a} step={s} procedure={found?.procedure ?? null} documents={documents} onSaved={reload} />
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

function StepItem({
  clientId,
  application,
  step,
  procedure,
  documents,
  onSaved,
}: {
  clientId: string;
  application: ClientApplication;
  step: ApplicationStep;
  procedure: Procedure | null;
  documents: ClientDocument[];
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const [editing, setEditing] = useState(false);
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
      {procedure &&
        (editing ? (
          <StepForm
            clientId={clientId}
            application={application}
            procedure={procedure}
            documents={documents}
            step={step}
            onSaved={() => {
              setEditing(false);
              onSaved();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t('files.applications.editStep')}
          </button>
        ))}
    </li>
  );
}

/**
 * A new step (the application replaced whole, on its revision), or — given `step` — the correction of that step
 * (only the step sent, on the application's revision: an emptied date is taken out). A legal-aid decision without the
 * date of the request is refused here, naming the field, before anything is sent.
 */
function StepForm({
  clientId,
  application,
  procedure,
  documents,
  step: editing,
  onSaved,
  onCancel,
}: {
  clientId: string;
  application: ClientApplication;
  procedure: Procedure;
  documents: ClientDocument[];
  step?: ApplicationStep;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const [stageId, setStageId] = useState(editing?.stage ?? procedure.stages[0]?.id ?? '');
  const [outcome, setOutcome] = useState(editing?.outcome ?? '');
  const [filedOn, setFiledOn] = useState(editing?.filedOn ?? '');
  const [decidedOn, setDecidedOn] = useState(editing?.decidedOn ?? '');
  const [servedOn, setServedOn] = useState(editing?.servedOn ?? '');
  const [legalAidRequestedOn, setLegalAidRequestedOn] = useState(editing?.legalAid?.requestedOn ?? '');
  const [legalAidDecidedOn, setLegalAidDecidedOn] = useState(editing?.legalAid?.decidedOn ?? '');
  const [overseas, setOverseas] = useState(editing?.overseas ?? false);
  const [documentId, setDocumentId] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [missingRequest, setMissingRequest] = useState(false);
  const stage = procedure.stages.find((s) => s.id === stageId);
  const legalAidShown = application.destination === 'FR';
  const label = editing ? t('files.applications.saveStep') : t('files.applications.addStep');
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setMissingRequest(false);
    if (legalAidShown && legalAidDecidedOn && !legalAidRequestedOn) {
      setMissingRequest(true);
      return;
    }
    try {
      if (editing) {
        await api('POST', `/api/v1/clients/${clientId}/applications/${application.id}/steps/${editing.id}`, {
          revision: application.revision,
          stage: stageId,
          filedOn: filedOn || null,
          decidedOn: decidedOn || null,
          servedOn: servedOn || null,
          outcome: outcome || null,
          ...(legalAidShown ? { legalAidRequestedOn: legalAidRequestedOn || null, legalAidDecidedOn: legalAidDecidedOn || null, overseas } : {}),
        });
        onSaved();
        return;
      }
      const step = {
        stage: stageId,
        ...(filedOn ? { filedOn } : {}),
        ...(decidedOn ? { decidedOn } : {}),
        ...(servedOn ? { servedOn } : {}),
        ...(outcome ? { outcome } : {}),
        ...(legalAidShown && legalAidRequestedOn
          ? { legalAid: { requestedOn: legalAidRequestedOn, ...(legalAidDecidedOn ? { decidedOn: legalAidDecidedOn } : {}) } }
          : {}),
        ...(legalAidShown && overseas ? { overseas: true } : {}),
        documentIds: documentId ? [documentId] : [],
      };
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
    <form className="stack" onSubmit={submit} aria-label={label}>
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
            <input
              type="date"
              value={legalAidRequestedOn}
              aria-invalid={missingRequest || undefined}
              onChange={(e) => setLegalAidRequestedOn(e.target.value)}
            />
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
      {!editing && documents.length > 0 && (
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
      {missingRequest && (
        <p role="alert" className="error">
          {t('files.applications.legalAidNeedsRequest', { field: t('files.applications.legalAidRequested') })}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit">{label}</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
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

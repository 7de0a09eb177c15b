import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../casework/files.ts';
import { useApi } from '../../casework/useApi.ts';
import { formatDate } from '../../i18n.ts';
import type { ClientFile } from '../../types.ts';
import { ApplicationsSection } from './ApplicationsSection.tsx';
import { ChecklistSection } from './ChecklistSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { EditRecordForm } from './EditRecordForm.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ExclusionSection } from './ExclusionSection.tsx';
import { LinkCaseForm } from './LinkCaseForm.tsx';
import { LinkedCases } from './LinkedCases.tsx';
import { NotesSection } from './NotesSection.tsx';
import { RecordGroups } from './RecordGroups.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { SharingSection } from './SharingSection.tsx';
import { StatusForm } from './StatusForm.tsx';
import { SyntheticLabel } from './SyntheticLabel.tsx';

/**
 * /files/:id — one client file: the record groups the API gives, court records, notes, documents, the document
 * checklist and exclusion preparation (workers: those who may edit the file), editing the record, sharing.
 */
export function ClientFilePage({ id, self }: { id: string; self: string }) {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const reload = () => setRound((r) => r + 1);
  const { data, error, loading } = useApi<ClientFile>(`/api/v1/clients/${id}`, round);
  if (!data) return loading ? <p>{t('common.loading')}</p> : <ErrorMessage error={error} />;
  const file = data;
  const name = displayName(file.record);
  return (
    <article aria-labelledby="file-title">
      <h1 id="file-title">
        {name ?? t('files.file.untitled')} <SyntheticLabel synthetic={file.synthetic} />
      </h1>
      <p className="muted">
        {t(`files.status.${file.status}`)} · {t('files.file.revision', { revision: file.revision })} ·{' '}
        {t('files.file.opened', { date: formatDate(file.createdAt, i18n.language) })}
      </p>
      <ErrorMessage error={error} />
      {file.access.edit && <StatusForm file={file} onSaved={reload} />}
      <RecordGroups record={file.record} groups={file.access.groups} />
      {file.access.edit && <EditRecordForm key={file.revision} file={file} onSaved={reload} />}
      {file.cases && (
        <section aria-labelledby="cases-title">
          <h2 id="cases-title">{t('files.cases.title')}</h2>
          {file.access.edit ? <LinkedCases cases={file.cases} clientId={file.id} onUnlinked={reload} /> : <LinkedCases cases={file.cases} />}
          {file.access.edit && <LinkCaseForm clientId={file.id} onLinked={reload} />}
        </section>
      )}
      {file.access.edit && <ApplicationsSection clientId={file.id} documents={file.documents ?? []} />}
      {file.notes && <NotesSection clientId={file.id} notes={file.notes} onAdded={reload} />}
      {file.documents && <DocumentsSection clientId={file.id} documents={file.documents} canDelete={file.access.deleteDocuments} onUploaded={reload} />}
      {file.access.edit && <ChecklistSection clientId={file.id} round={round} documents={file.documents ?? []} cases={file.cases ?? []} />}
      {file.access.edit && <ExclusionSection clientId={file.id} round={round} />}
      {file.access.share && file.sharedWith && <SharingSection clientId={file.id} sharedWith={file.sharedWith} self={self} onChanged={reload} />}
      {file.access.share && <ReferralForm clientId={file.id} onReferred={reload} />}
    </article>
  );
}

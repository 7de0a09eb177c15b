import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileToBase64 } from '../../casework/files.ts';
import { removedLabel } from '../../casework/removed.ts';
import { api } from '../../casework/session.ts';
import { formatDate, formatNumber } from '../../i18n.ts';
import type { ClientDocument, DocumentDeleted } from '../../types.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * The file's documents (metadata stripped, or not inspected), download links, and an upload; for the workers, a
 * deletion — asked once more, naming the document, before it happens.
 */
export function DocumentsSection({
  clientId,
  documents,
  canDelete,
  onUploaded,
}: {
  clientId: string;
  documents: ClientDocument[];
  canDelete: boolean;
  onUploaded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [deleted, setDeleted] = useState<{ name: string; result: DocumentDeleted } | null>(null);
  async function remove(document: ClientDocument) {
    setError(null);
    setDeleted(null);
    try {
      const result = await api<DocumentDeleted>('POST', `/api/v1/clients/${clientId}/documents/${document.id}/delete`);
      setDeleted({ name: document.name, result });
      onUploaded();
    } catch (e) {
      setError(e as Error);
    }
  }
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    try {
      const contentBase64 = await fileToBase64(file);
      await api('POST', `/api/v1/clients/${clientId}/documents`, { name: file.name, mediaType: file.type || 'application/octet-stream', contentBase64 });
      form.reset();
      setFile(null);
      onUploaded();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="docs-title">
      <h2 id="docs-title">{t('files.docs.title')}</h2>
      {documents.length === 0 ? (
        <p>{t('common.empty')}</p>
      ) : (
        <ul className="documents">
          {documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/v1/clients/${clientId}/documents/${d.id}`} download={d.name}>
                {d.name}
              </a>{' '}
              <span className="muted">
                {d.mediaType}, {t('files.docs.size', { size: formatNumber(d.size, lang) })}, {formatDate(d.uploadedAt, lang)} ·{' '}
              </span>
              <span className="metadata">
                {d.metadata === 'stripped'
                  ? t('files.docs.stripped', { removed: d.removed.map((r) => removedLabel(r, t)).join(', ') || '—' })
                  : t('files.docs.notInspected')}
              </span>{' '}
              <code title="sha256">{d.sha256.slice(0, 16)}</code>
              {canDelete && (
                <>
                  {' '}
                  <ConfirmAction
                    label={t('files.docs.delete')}
                    name={t('files.docs.deleteNamed', { name: d.name })}
                    question={t('files.docs.deleteQuestion', { name: d.name })}
                    confirm={t('files.docs.deleteConfirm')}
                    onConfirm={() => remove(d)}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="filters" onSubmit={submit} aria-label={t('files.docs.upload')}>
        <label>
          {t('files.docs.choose')}
          <input type="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={busy || !file}>
          {t('files.docs.upload')}
        </button>
      </form>
      {deleted && (
        <p role="status">
          {t('files.docs.deleted', { name: deleted.name })}
          {deleted.result.marksToCheck > 0 && ` ${t('files.docs.marksToCheck', { count: deleted.result.marksToCheck })}`}
        </p>
      )}
      <p className="muted">{t('files.docs.hint')}</p>
      <ErrorMessage error={error} />
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileToBase64 } from '../../casework/files.ts';
import { api } from '../../casework/session.ts';
import { formatDate, formatNumber } from '../../i18n.ts';
import type { ClientDocument } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** The file's documents (metadata stripped, or not inspected), download links, and an upload. */
export function DocumentsSection({ clientId, documents, onUploaded }: { clientId: string; documents: ClientDocument[]; onUploaded: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
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
                {d.metadata === 'stripped' ? t('files.docs.stripped', { removed: d.removed.join(', ') || '—' }) : t('files.docs.notInspected')}
              </span>{' '}
              <code title="sha256">{d.sha256.slice(0, 16)}</code>
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
      <p className="muted">{t('files.docs.hint')}</p>
      <ErrorMessage error={error} />
    </section>
  );
}

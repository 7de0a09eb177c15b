import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button for what cannot be undone (deleting a document, removing a link): the first press only asks, naming
 * what would go; the action runs on the second, explicit "yes" — Cancel leaves everything as it was. (No Esc to
 * cancel: Esc is the quick exit's, QuickExit.tsx, and must always reach it.)
 */
export function ConfirmAction({
  label,
  name,
  question,
  confirm,
  onConfirm,
}: {
  /** The button's visible text, e.g. "Delete". */
  label: string;
  /** Its accessible name, naming what it acts on, e.g. "Delete statement.txt". */
  name: string;
  /** The question asked, e.g. "Delete statement.txt for good? This cannot be undone." */
  question: string;
  /** The confirming button's text, e.g. "Yes, delete it". */
  confirm: string;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" aria-label={name} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  async function run() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons inside a list item, not a form's fieldset
    <span role="group" aria-label={question} className="confirm">
      <strong>{question}</strong>{' '}
      <button ref={yes} type="button" className="danger" disabled={busy} onClick={() => void run()}>
        {confirm}
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { quickExit } from '../../casework/session.ts';

/** "Leave quickly": a button, and Esc pressed twice within a second; the page becomes a blank one and the session ends. */
export function QuickExit() {
  const { t } = useTranslation();
  const last = useRef(0);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = performance.now();
      if (now - last.current < 1000) quickExit();
      last.current = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button type="button" className="quick-exit" onClick={quickExit} title={t('files.quickExitHint')}>
      {t('files.quickExit')}
    </button>
  );
}

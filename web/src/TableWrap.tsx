import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table's horizontal scroll container. It takes the keyboard focus, so that someone without a mouse can
 * scroll it (axe: scrollable-region-focusable), and is a named region, so that a screen reader says what got it.
 */
export function TableWrap({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: the same region as a <section>, kept a <div> so the markup and styles stay as they are
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must be focusable to be scrolled from the keyboard
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('common.table')}>
      {children}
    </div>
  );
}

/**
 * A knowledge-base text ({ en, ru }) in the UI language. In Russian, a text the knowledge base has only in English
 * (no Russian, or the Russian the same as the English and not Russian at all) is shown in English and labelled
 * "(in English)", never mixed in silently.
 */
export interface MaybeLocalized {
  en: string;
  ru?: string | null;
}

const CYRILLIC = /[А-Яа-яЁё]/;
const LATIN = /[A-Za-z]{2}/;

/** Whether the Russian is missing: none, empty, or a copy of an English text with words. */
export function lacksRussian(text: MaybeLocalized): boolean {
  const ru = text.ru?.trim() ?? '';
  return ru === '' || (ru === text.en.trim() && LATIN.test(ru) && !CYRILLIC.test(ru));
}

export function localizedText(text: MaybeLocalized, lang: string, t: (key: string) => string): string {
  if (!lang.startsWith('ru')) return text.en;
  return lacksRussian(text) ? `${text.en} ${t('common.inEnglish')}` : (text.ru ?? text.en);
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ru from './locales/ru.json';

export type Lang = 'en' | 'ru';
const KEY = 'otkaz.lang';

/** The saved choice, else the browser's language. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'ru') return saved;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function setLang(lang: Lang): void {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

void i18next
  .use(initReactI18next)
  .init({ resources: { en: { translation: en }, ru: { translation: ru } }, lng: initialLang(), fallbackLng: 'en', interpolation: { escapeValue: false } });
document.documentElement.lang = i18next.language;
// `{{name, upperFirst}}`: a word that starts a label in one language and not in the other ("Дата вручения" from
// the rule's "дата вручения").
i18next.services.formatter?.add('upperFirst', (value: unknown) => {
  const text = String(value ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
});

export function formatNumber(value: number | null | undefined, lang: string): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB').format(value);
}

export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}
export default i18next;

/** An outcome code as stored (conviction, termination, …) in the current language; unknown codes as they are. */
export function outcomeLabel(code: string | null | undefined): string {
  if (!code) return '—';
  return i18next.exists(`outcomes.${code}`) ? i18next.t(`outcomes.${code}`) : code;
}

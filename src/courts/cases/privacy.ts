import { createHmac } from 'node:crypto';

/**
 * Personal names are needed for one thing: a lawyer finding a client's case. So a name is stored only as
 * a keyed hash (exact lookup with the installation's key) plus initials for display. Raw pages stay in
 * the evidence archive; no view, export or log shows a full name.
 */
const HIDDEN = /информация\s+скрыта|данные\s+скрыты|^\s*$/i;

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/[^а-яa-z\s-]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function isHiddenName(name: string): boolean {
  return HIDDEN.test(name);
}

export function nameHash(key: string, name: string): string | null {
  if (isHiddenName(name)) return null;
  return createHmac('sha256', key).update(normaliseName(name)).digest('hex');
}

/** "Никитина Алина Романовна" → "Н.А.Р."; "Гусева Л.В." → "Г.Л.В."; hidden → null. */
export function initials(name: string): string | null {
  if (isHiddenName(name)) return null;
  const letters = name
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((part) => /^[А-ЯЁA-Z]/.test(part))
    .map((part) => part[0]);
  return letters.length > 0 ? `${letters.join('.')}.` : null;
}

const FULL_NAME = /(?<![А-Яа-яЁё])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё]+(?:вич|вна|ична|инична|чна|ьич|вича|вны|вне|вну|вной|вичу|вичем|оглы|кызы))(?![а-яё])/gu;
const SURNAME_INITIALS = /(?<![А-Яа-яЁё])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*([А-ЯЁ])\.\s*([А-ЯЁ])\.?/gu;
const INITIALS_SURNAME = /(?<![А-Яа-яЁё])([А-ЯЁ])\.\s*([А-ЯЁ])\.\s*([А-ЯЁ][а-яё]+)(?![а-яё])/gu;

/**
 * Replaces personal names in free text (party names, list info lines) with initials:
 * full names "Фамилия Имя Отчество" and "Фамилия И.О." / "И.О. Фамилия" forms.
 */
export function redactNames(text: string): string {
  return text
    .replace(FULL_NAME, (_m, a: string, b: string, c: string) => `${a[0]}.${b[0]}.${c[0]}.`)
    .replace(SURNAME_INITIALS, (_m, a: string, b: string, c: string) => `${a[0]}.${b}.${c}.`)
    .replace(INITIALS_SURNAME, (_m, a: string, b: string, c: string) => `${c[0]}.${a}.${b}.`);
}

/**
 * The legal-aid statistics release's method and population texts (src/disclosure/release.ts) are fixed by its
 * method version: the version is the code, the texts are the locale's. A version not known here shows the
 * release's own (English) texts, labelled so in Russian.
 */
import { localizedText } from './localized.ts';

export const METHOD_TEXTS: Readonly<Record<string, string>> = { 'otkaz-disclosure/1': 'disclosure1' };

export function releaseText(
  release: { methodVersion: string; method: string; population: string },
  which: 'method' | 'population',
  lang: string,
  t: (key: string) => string,
): string {
  const code = METHOD_TEXTS[release.methodVersion];
  return code ? t(`legalAid.methods.${code}.${which}`) : localizedText({ en: release[which] }, lang, t);
}

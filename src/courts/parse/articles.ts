import type { ArticleRef } from './types.ts';

const CODE = /(УК|УПК|КоАП|КОАП|ГК|ГПК|КАС|АПК|ТК|НК)\s*РФ/gi;
const ITEM = /ст\.?\s*(\d+(?:\.\d+)*)(?:\s*,?\s*ч\.?\s*(\d+(?:\.\d+)?))?(?:\s*,?\s*п\.?\s*["«]?([а-яёa-z]|\d+)["»]?)?/gi;

function normaliseCode(code: string): string {
  const upper = code.toUpperCase();
  return upper === 'КОАП' ? 'КоАП РФ' : `${upper} РФ`;
}

/**
 * Parses article lists such as "ст.337 ч.5 УК РФ; ст.338 ч.1 УК РФ", "ст.183 ч.4; ст.290 ч.3 УК РФ"
 * (one code after several items) or "ст.173.1 ч.2 п.б УК РФ". Each item takes the first code written
 * after it, else the last code in the text, else 'УК РФ' for bare criminal-style lists.
 */
export function parseArticles(text: string | null | undefined): ArticleRef[] {
  if (!text) return [];
  const codes: { index: number; code: string }[] = [];
  for (const m of text.matchAll(CODE)) codes.push({ index: m.index ?? 0, code: normaliseCode(m[1] ?? '') });
  const out: ArticleRef[] = [];
  for (const m of text.matchAll(ITEM)) {
    const index = m.index ?? 0;
    const following = codes.find((c) => c.index > index);
    const code = following?.code ?? codes.at(-1)?.code ?? 'УК РФ';
    out.push({
      code,
      article: m[1] ?? '',
      part: m[2] ?? null,
      point: m[3] ? m[3].toLowerCase() : null,
      raw: m[0].trim(),
    });
  }
  return out;
}

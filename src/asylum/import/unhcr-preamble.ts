/**
 * The metadata preamble of a Refugee Data Finder CSV download (the lines before its header): read by the UNHCR
 * reader and by format detection, which must stay light (it loads no CSV parser).
 */

/** Lines of a Refugee Data Finder preamble before the header (`Year,…` or `Footnote,…`), and its fields. */
export function preambleOf(head: string): { lines: number; meta: Record<string, string>; extracted: string | null } {
  const lines = head.split(/\r?\n/);
  const meta: Record<string, string> = {};
  for (let i = 0; i < Math.min(lines.length, 60); i += 1) {
    const line = lines[i] ?? '';
    if (/^"?(Year|year|Footnote)"?,/.test(line)) {
      const extracted = meta['Date extracted'] ? isoFromUnhcrDate(meta['Date extracted']) : null;
      return { lines: i, meta, extracted };
    }
    const m = /^"?([^",]+?):?"?,"?([^"]*)"?/.exec(line);
    if (m?.[1]) meta[m[1].replace(/:$/, '').trim()] = (m[2] ?? '').trim();
  }
  return { lines: 0, meta: {}, extracted: null };
}

/** "14/06/2024 14:34 UTC" → 2024-06-14. */
function isoFromUnhcrDate(value: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(value);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

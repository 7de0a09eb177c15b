/** Crawl plans: courts × articles × date windows. Pure functions; the job store turns them into jobs. */
export interface Window {
  from: string;
  to: string;
}

/** Calendar months covering [from, to], clipped to the range. */
export function monthWindows(from: string, to: string): Window[] {
  const out: Window[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start > to) break;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const end = `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
    out.push({ from: start < from ? from : start, to: end > to ? to : end });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** Two halves of a window that holds too many pages; null when it is a single day. */
export function splitWindow(w: Window): [Window, Window] | null {
  const a = Date.parse(`${w.from}T00:00:00Z`);
  const b = Date.parse(`${w.to}T00:00:00Z`);
  if (b <= a) return null;
  const mid = new Date(a + Math.floor((b - a) / 86400000 / 2) * 86400000);
  const next = new Date(mid.getTime() + 86400000);
  return [
    { from: w.from, to: mid.toISOString().slice(0, 10) },
    { from: next.toISOString().slice(0, 10), to: w.to },
  ];
}

export { DEFAULT_ARTICLES } from '../shared/articles.ts';

/**
 * The redacted rendering of an archived capture (src/courts/archive/redacted.ts) as an HTML page in which every text
 * of the court page is escaped text, never markup.
 */
import { REDACTED_NOTICE, type RedactedCapture } from '../courts/archive/redacted.ts';
import { escapeHtml } from './pages/html.ts';

function isTable(value: object): value is { header: string[]; rows: string[][] } {
  const v = value as { header?: unknown; rows?: unknown };
  return Array.isArray(v.header) && Array.isArray(v.rows) && v.rows.every((r) => Array.isArray(r));
}

function empty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

/** Any JSON value as nested HTML: objects as definition lists, arrays as lists, tables as tables, text escaped. */
function tree(value: unknown, depth = 0): string {
  if (depth > 12) return '…';
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return `<span class="t">${escapeHtml(value)}</span>`;
  if (typeof value === 'number' || typeof value === 'boolean') return escapeHtml(String(value));
  if (Array.isArray(value)) return `<ol>${value.map((v) => `<li>${tree(v, depth + 1)}</li>`).join('')}</ol>`;
  if (typeof value === 'object') {
    if (isTable(value)) {
      const extra = Object.entries(value).filter(([k, v]) => k !== 'header' && k !== 'rows' && !empty(v));
      const head = value.header.length ? `<thead><tr>${value.header.map((h) => `<th scope="col">${escapeHtml(String(h))}</th>`).join('')}</tr></thead>` : '';
      return `${extra.length ? tree(Object.fromEntries(extra), depth + 1) : ''}<table>${head}<tbody>${value.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    }
    const entries = Object.entries(value).filter(([, v]) => !empty(v));
    return `<dl>${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${tree(v, depth + 1)}</dd>`).join('')}</dl>`;
  }
  return escapeHtml(String(value));
}

export function redactedCaptureHtml(r: RedactedCapture): string {
  const c = r.capture;
  const row = (label: string, value: string) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Capture #${c.id} — redacted rendering</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}.notice{border:2px solid #8a6d00;background:#fff8db;padding:.5rem .8rem}code,.t{overflow-wrap:anywhere}.t{white-space:pre-wrap}dt{font-weight:600}dd{margin:0 0 .3rem 1.2rem}table{border-collapse:collapse;margin:.3rem 0}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}</style></head><body>
<h1 lang="en">Capture #${c.id}: redacted rendering</h1>
<div class="notice" role="note"><p lang="en"><strong>Redacted rendering — not the evidence.</strong> ${escapeHtml(REDACTED_NOTICE.en)}</p><p><strong>Обезличенное представление — не доказательство.</strong> ${escapeHtml(REDACTED_NOTICE.ru)}</p></div>
<table lang="en"><tbody>${row('sha256 of the original bytes', `<code>${escapeHtml(c.sha256)}</code>`)}${row('URL', c.url ? `<code>${escapeHtml(c.url)}</code>` : '—')}${row('retrieved', c.retrieved_at ? escapeHtml(`${new Date(c.retrieved_at).toISOString().replace('T', ' ').slice(0, 19)} UTC`) : '—')}${row('HTTP status', c.http_status === null ? '—' : escapeHtml(String(c.http_status)))}${c.synthetic ? row('synthetic', 'SYNTHETIC demo page') : ''}</tbody></table>
<h2 lang="en">The page as parsed, names reduced to initials</h2>
${tree(r.page)}
</body></html>`;
}

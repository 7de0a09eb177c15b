/** Value parsers shared by both engines, so that results have the same JS types everywhere. */
export const PG_OID = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  BYTEA: 17,
} as const;

/**
 * bytea in text form ('\x' and hex digits) → bytes, decoded natively. PGlite's own parser decodes two digits at a
 * time in JavaScript: on a page of 50 sealed client records it was half the time of the query (bench:casework).
 */
export function parseBytea(value: string): Uint8Array {
  if (!value.startsWith('\\x')) throw new Error('bytea in escape form: set bytea_output = hex');
  const bytes = Buffer.from(value.slice(2), 'hex');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const parseInt8 = (value: string): number => Number(value);
export const parseNumeric = (value: string): number => Number(value);
export const parseDate = (value: string): string => value;
/** A timestamptz as the engine writes it in UTC (the sessions' time zone): date, time, up to 6 fractional digits, '+00'. */
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * Postgres text form '2026-04-22 15:56:00+00' → ISO 8601 'Z' form, as Date#toISOString writes it (milliseconds,
 * the rest cut off). The UTC form is rewritten as text (a page of 50 files has 150 of them); any other (another
 * offset, a year past 9999, BC, infinity) goes through Date.
 */
export function parseTimestamptz(value: string): string {
  const utc = UTC_TEXT.exec(value);
  if (utc) return `${utc[1]}T${utc[2]}.${`${utc[3] ?? ''}000`.slice(0, 3)}Z`;
  const date = new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

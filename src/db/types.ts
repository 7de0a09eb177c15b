/** Value parsers shared by both engines, so that results have the same JS types everywhere. */
export const PG_OID = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

export const parseInt8 = (value: string): number => Number(value);
export const parseNumeric = (value: string): number => Number(value);
export const parseDate = (value: string): string => value;
/** Postgres text form '2026-04-22 15:56:00+00' → ISO 8601 'Z' form. */
export function parseTimestamptz(value: string): string {
  const date = new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

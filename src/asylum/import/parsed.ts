import { ErrorCode } from '../../shared/errors.ts';
import type { Observation, Source } from '../model.ts';
import { importError } from './input.ts';

/** Observations per batch a reader yields from an in-memory document (JSON): the loader streams them on. */
export const OBSERVATION_BATCH = 10_000;

export interface Footnote {
  years: string | null;
  origin: string | null;
  destination: string | null;
  populationType: string | null;
  text: string;
  line: number;
}

/** What a reader makes of one file: which dataset it is, and its observations as a stream. */
export interface ParsedFile {
  source: Source;
  dataset: string;
  format: string;
  /** A release date found in the content (preamble, JSON-stat `updated`, SDMX `LAST UPDATE`), YYYY-MM-DD. */
  vintage: string | null;
  meta: Record<string, unknown>;
  /** Observations in batches (one batch per chunk of records read). */
  observations: AsyncIterable<Observation[]>;
  footnotes?: AsyncIterable<Footnote>;
}

/** What the caller knows that the content may not say: the file name, a dataset code. */
export interface ReadHints {
  file: string;
  dataset?: string;
}

/** A count as published: digits, optionally a decimal part; anything else is an error naming the cell. */
export function parseCount(raw: string, file: string, line: number, column: string): number {
  const text = raw.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    throw importError(ErrorCode.StatsParse, `expected a number, found "${text.slice(0, 40)}"`, { file, line, column });
  }
  return Number(text);
}

export function parseYear(raw: string, file: string, line: number, column: string): number {
  const text = raw.trim();
  if (!/^(19|20)\d\d$/.test(text)) throw importError(ErrorCode.StatsParse, `expected a year, found "${text.slice(0, 40)}"`, { file, line, column });
  return Number(text);
}

/** Canonical `key=value;…` for a source's other dimensions (separators in values are replaced). */
export function detailOf(parts: Array<[string, string | undefined]>): string {
  return parts
    .filter((part): part is [string, string] => part[1] !== undefined && part[1] !== '')
    .map(([key, value]) => `${key}=${value.replace(/[;=]/g, '_')}`)
    .join(';');
}

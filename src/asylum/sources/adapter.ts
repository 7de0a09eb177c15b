/**
 * What the application knows about one statistics source, in one object: its name and licence, the file formats
 * it publishes (how to recognise each from its first characters, and the reader), how a requested measure and area
 * read in its data, and how to download it. Every adapter is listed once in ./registry.ts, keyed by its id in
 * `SOURCES` (../model.ts): a source without an adapter, or an adapter without an id, does not compile.
 *
 * Adapters stay light: readers and downloaders are loaded when first used (a query never loads a CSV parser).
 */
import type { Database } from '../../db/database.ts';
import type { FetchOptions, FetchResult, ImportDownloaded } from '../fetch/fetch.ts';
import type { ParsedFile, ReadHints } from '../import/parsed.ts';
import type { Indicator, Source } from '../model.ts';

/** The start of a file's text (BOM dropped, leading blanks trimmed), its first line, and whether it is JSON. */
export interface Sniffed {
  text: string;
  firstLine: string;
  /** Starts with `{` or `[`: only JSON formats apply. */
  json: boolean;
}

/**
 * How sure a format's recognition is: `certain` (a marker only this format has) wins over `fallback` (what a file
 * is read as when no other source claims it, e.g. any JSON is UNHCR API JSON unless it is JSON-stat).
 */
export type Certainty = 'certain' | 'fallback';

/** A format's reader: streamed text (CSV, TSV) or a whole JSON document (within LIMITS.jsonChars). */
export type FormatReader =
  | { label: string; input: 'text'; read(text: AsyncIterable<string>, hints: ReadHints, head: string): Promise<ParsedFile> }
  | { label: string; input: 'json'; read(json: string, hints: ReadHints): Promise<ParsedFile> };

/** Which stored measures make up a requested measure in this source, and what that means (null: none at all). */
export interface MeasureSelection {
  measures: string[] | null;
  note: string;
}

/** The destination codes an area is read as in this source (null: every destination present), and what that means. */
export interface AreaReading {
  codes: string[] | null;
  note: string | null;
}

export interface SourceFetcher {
  /** The official endpoint root (another one, e.g. a local test server, is given with --base-url). */
  base: string;
  run(db: Database, options: FetchOptions, base: string, importFile: ImportDownloaded): Promise<FetchResult[]>;
}

export interface SourceAdapter<F extends string = string> {
  id: Source;
  /** As printed in labels: UNHCR, Eurostat, US CBP. */
  name: string;
  /** Kept with every release downloaded from the source. */
  licence: string;
  formats: Record<F, FormatReader>;
  /** The format of a file's start, or null when it is not one of this source's. */
  detect(head: Sniffed): { format: F; certainty: Certainty } | null;
  measures(indicator: Indicator, measure: string): MeasureSelection | null;
  /** How this source reads an area where it differs from the general rule (null: the general rule). */
  area(area: string): AreaReading | null;
  /** A stored measure as named in comparison labels (default: its code). */
  describeMeasure(measure: string): string;
  /** Whether labels name the procedure stages summed (UNHCR's dec_level). */
  labelsLevels: boolean;
  /** Whether the source publishes months that can sum to US fiscal years. */
  fiscalYears: boolean;
  /** Said with every figure of this source in a claim check (e.g. CBP: encounters are events, not people). */
  caveat: string | null;
  /** The downloader; null for a source that is not downloaded (legal-aid releases are made here or received as files). */
  fetch: SourceFetcher | null;
}

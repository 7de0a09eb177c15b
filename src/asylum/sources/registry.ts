/**
 * Every statistics source, by id. Adding a source: its id in SOURCES (../model.ts), one adapter file beside this
 * one (./adapter.ts says what it holds), and its line here — the compiler names whatever is missing.
 */
import { SOURCES, type Source } from '../model.ts';
import type { SourceAdapter } from './adapter.ts';
import { cbp } from './cbp.ts';
import { eurostat } from './eurostat.ts';
import { legalAid } from './legal-aid.ts';
import { unhcr } from './unhcr.ts';

export const SOURCE_ADAPTERS: Record<Source, SourceAdapter> = {
  unhcr,
  eurostat,
  cbp,
  legal_aid: legalAid,
};

export function sourceAdapter(source: Source): SourceAdapter {
  return SOURCE_ADAPTERS[source];
}

/** The adapters in the order of SOURCES. */
export function sourceAdapters(): SourceAdapter[] {
  return SOURCES.map((id) => SOURCE_ADAPTERS[id]);
}

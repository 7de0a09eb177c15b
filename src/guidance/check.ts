/**
 * Health of the knowledge base: facts without a source (CI fails on these), facts not verified for more than
 * 12 months (flagged stale in every view), conflicting sources, and details still to be confirmed.
 */
import { addMonthsToDay } from '../shared/periods.ts';
import type { LoadedKnowledgeBase } from './load.ts';
import type { Fact } from './schema.ts';

export const STALE_AFTER_MONTHS = 12;

/**
 * A fact is stale when its last verification is more than 12 months before `today` (YYYY-MM-DD): before the same
 * day a year earlier, or before that month's last day when it has no such day (today 2024-02-29: before 2023-02-28).
 */
export function isStale(fact: Fact, today: string): boolean {
  return fact.verified < addMonthsToDay(today, -STALE_AFTER_MONTHS);
}

export interface KnowledgeBaseReport {
  today: string;
  facts: number;
  unsourced: string[];
  stale: Array<{ id: string; verified: string }>;
  conflicts: string[];
  toConfirm: Array<{ id: string; check: string }>;
  notInForce: string[];
  ok: boolean;
}

export function checkKnowledgeBase(kb: LoadedKnowledgeBase, today: string): KnowledgeBaseReport {
  const unsourced = kb.facts.filter((f) => f.sources.length === 0).map((f) => f.id);
  const stale = kb.facts.filter((f) => isStale(f, today)).map((f) => ({ id: f.id, verified: f.verified }));
  return {
    today,
    facts: kb.facts.length,
    unsourced,
    stale,
    conflicts: kb.facts.filter((f) => f.conflict).map((f) => f.id),
    toConfirm: kb.facts.flatMap((f) => (f.check ? [{ id: f.id, check: f.check }] : [])),
    notInForce: kb.facts.filter((f) => f.status === 'passed_not_confirmed').map((f) => f.id),
    ok: unsourced.length === 0,
  };
}

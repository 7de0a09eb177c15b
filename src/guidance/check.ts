/**
 * Health of the knowledge base: facts without a source (CI fails on these), facts not verified for more than
 * 12 months (flagged stale in every view), conflicting sources, and details still to be confirmed.
 */
import type { LoadedKnowledgeBase } from './load.ts';
import type { Fact } from './schema.ts';

export const STALE_AFTER_MONTHS = 12;

/** A fact is stale when its last verification is more than 12 months before `today` (YYYY-MM-DD). */
export function isStale(fact: Fact, today: string): boolean {
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS);
  return fact.verified < limit.toISOString().slice(0, 10);
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
    toConfirm: kb.facts.filter((f) => f.check).map((f) => ({ id: f.id, check: f.check! })),
    notInForce: kb.facts.filter((f) => f.status === 'passed_not_confirmed').map((f) => f.id),
    ok: unsourced.length === 0,
  };
}

/** The penalty ranges of a case's articles and parts, from the knowledge base (for a case page). */
import type { LoadedKnowledgeBase } from './load.ts';
import type { Offence } from './schema.ts';

export interface CasePenalty {
  article: string;
  part: string | null;
  offence: Offence | null;
}

export function penaltiesFor(kb: LoadedKnowledgeBase, charges: Array<{ article: string; part: string | null }>): CasePenalty[] {
  const seen = new Set<string>();
  const out: CasePenalty[] = [];
  for (const c of charges) {
    const key = `${c.article}|${c.part ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const offence =
      kb.offences.find((o) => o.article === c.article && (o.part ?? null) === (c.part ?? null)) ??
      (c.part === null ? null : (kb.offences.find((o) => o.article === c.article && o.part === null) ?? null));
    out.push({ article: c.article, part: c.part, offence });
  }
  return out;
}

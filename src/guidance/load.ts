/**
 * Loads the knowledge base from assets/guidance/*.yaml: each file validated against the schema (errors name
 * the file and the path inside it), merged, ids unique, every reference resolved.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { present } from '../shared/present.ts';
import { GUIDANCE_DIR, knowledgeBaseFiles } from './files.ts';
import { type Fact, type KnowledgeBase, knowledgeBase, periodEnd, periodStart } from './schema.ts';

export interface LoadedKnowledgeBase extends KnowledgeBase {
  factById: Map<string, Fact>;
}

function invalid(message: string, where: string): OtkazError {
  return new OtkazError(ErrorCode.GuidanceInvalid, message, { where });
}

export function loadKnowledgeBase(dir = GUIDANCE_DIR): LoadedKnowledgeBase {
  const merged: KnowledgeBase = {
    facts: [],
    offences: [],
    exit_routes: [],
    restrictions: [],
    destinations: [],
    organisations: [],
    checklists: [],
    allegations: [],
  };
  const files = knowledgeBaseFiles(dir);
  /** The file each checklist and allegation came from, for errors found after the merge. */
  const origin = new Map<object, string>();
  if (!files.length) throw invalid('no knowledge-base files (*.yaml)', dir);
  for (const name of files) {
    const file = path.join(dir, name);
    let document: unknown;
    try {
      document = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      const pos = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
      throw invalid(`invalid YAML: ${(error as Error).message.split('\n')[0]}`, pos ? `${file}:${pos.line}:${pos.col}` : file);
    }
    const parsed = knowledgeBase.safeParse(document ?? {});
    if (!parsed.success) {
      const issue = present(parsed.error.issues[0], 'the first validation issue');
      throw invalid(`${issue.message}`, `${file} at ${issue.path.join('.')}`);
    }
    for (const key of Object.keys(merged) as Array<keyof KnowledgeBase>) (merged[key] as unknown[]).push(...(parsed.data[key] as unknown[]));
    for (const entry of [...parsed.data.checklists, ...parsed.data.allegations]) origin.set(entry, file);
  }
  const factById = new Map<string, Fact>();
  for (const fact of merged.facts) {
    if (factById.has(fact.id)) throw invalid(`fact id "${fact.id}" is defined twice`, dir);
    factById.set(fact.id, fact);
  }
  const ids = new Set<string>();
  const unique = (id: string, what: string) => {
    if (ids.has(id)) throw invalid(`${what} id "${id}" is defined twice`, dir);
    ids.add(id);
  };
  const resolve = (refs: readonly string[], where: string, file = dir) => {
    for (const ref of refs) if (!factById.has(ref)) throw invalid(`unknown fact "${ref}"`, `${file}: ${where}`);
  };
  const organisationIds = new Set(merged.organisations.map((o) => o.id));
  for (const o of merged.offences) {
    unique(o.id, 'offence');
    resolve([...o.facts, ...o.exemptions, ...o.history], `offence ${o.id}`);
  }
  for (const r of merged.exit_routes) for (const [doc, access] of Object.entries(r.documents)) resolve(access.facts, `exit route ${r.destination} ${doc}`);
  for (const r of merged.restrictions) {
    unique(r.id, 'restriction');
    resolve(r.facts, `restriction ${r.id}`);
  }
  const countries = new Set<string>();
  for (const d of merged.destinations) {
    if (countries.has(d.country)) throw invalid(`destination ${d.country} is defined twice`, dir);
    countries.add(d.country);
    resolve([...d.entry.facts, ...d.policy.facts], `destination ${d.country}`);
    for (const r of d.rulings) {
      unique(r.id, 'ruling');
      resolve(r.facts, `ruling ${r.id}`);
    }
    for (const i of d.incidents) {
      unique(i.id, 'incident');
      resolve(i.facts, `incident ${i.id}`);
    }
    for (const o of d.organisations) if (!organisationIds.has(o)) throw invalid(`unknown organisation "${o}"`, `${dir}: destination ${d.country}`);
  }
  for (const o of merged.organisations) {
    unique(o.id, 'organisation');
    resolve([...o.facts, ...o.figures], `organisation ${o.id}`);
  }
  const claimTypes = new Set<string>();
  for (const c of merged.checklists) {
    const file = origin.get(c) ?? dir;
    if (claimTypes.has(c.claim_type)) throw invalid(`checklist ${c.claim_type} is defined twice`, file);
    claimTypes.add(c.claim_type);
    for (const item of c.items) {
      unique(`${c.claim_type}/${item.id}`, 'checklist item');
      resolve(item.facts, `checklist ${c.claim_type} item ${item.id} facts`, file);
      for (const d of item.destinations) resolve(d.facts, `checklist ${c.claim_type} item ${item.id} destination ${d.country} facts`, file);
    }
  }
  for (const a of merged.allegations) {
    unique(a.id, 'allegation');
    if (periodEnd(a.period.to) < periodStart(a.period.from))
      throw invalid(`allegation ${a.id}: the period ends before it starts`, `${origin.get(a) ?? dir}: allegation ${a.id} period`);
  }
  return { ...merged, factById };
}

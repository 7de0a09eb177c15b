// The bundled knowledge base, loaded (YAML parsed and validated) once per test process: the suites that build an
// app per test would otherwise parse assets/guidance/ each time. Tests of loading itself call loadKnowledgeBase.
import { type LoadedKnowledgeBase, loadKnowledgeBase } from '../../src/guidance/load.ts';

let loaded: LoadedKnowledgeBase | null = null;

export function bundledKnowledgeBase(): LoadedKnowledgeBase {
  loaded ??= loadKnowledgeBase();
  return loaded;
}

/**
 * Loads the procedure models (assets/procedures/*.json): each file validated, ids unique, every `next` naming a stage
 * of the same procedure. A bad file is refused with a coded error naming the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { PROJECT_ROOT } from '../shared/paths.ts';
import { type CountryModel, CountryModelSchema, type Procedure, type Stage } from './schema.ts';

export const PROCEDURES_DIR = path.join(PROJECT_ROOT, 'assets', 'procedures');

export interface ProcedureCatalogue {
  readonly countries: readonly CountryModel[];
  country(code: string): CountryModel | null;
  procedure(id: string): { country: CountryModel; procedure: Procedure } | null;
  stage(procedureId: string, stageId: string): Stage | null;
}

/** Validates one country file's text; `where` names it in errors. */
export function parseCountryModel(text: string, where: string): CountryModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new OtkazError(ErrorCode.InputInvalid, `not JSON: ${(cause as Error).message}`, { where });
  }
  const parsed = CountryModelSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OtkazError(ErrorCode.InputInvalid, `${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`, { where });
  }
  const model = parsed.data;
  if (path.basename(where, '.json').toUpperCase() !== model.country && where.endsWith('.json'))
    throw new OtkazError(ErrorCode.InputInvalid, `country: ${model.country} in a file named ${path.basename(where)}`, { where });
  for (const [p, procedure] of model.procedures.entries()) {
    const stages = new Set<string>();
    for (const [s, stage] of procedure.stages.entries()) {
      if (stages.has(stage.id)) throw new OtkazError(ErrorCode.InputInvalid, `procedures.${p}.stages.${s}.id: ${stage.id} twice`, { where });
      stages.add(stage.id);
      const outcomes = new Set<string>();
      for (const outcome of stage.outcomes) {
        if (outcomes.has(outcome.id)) throw new OtkazError(ErrorCode.InputInvalid, `procedures.${p}.stages.${s}.outcomes: ${outcome.id} twice`, { where });
        outcomes.add(outcome.id);
      }
    }
    for (const [s, stage] of procedure.stages.entries())
      for (const [o, outcome] of stage.outcomes.entries())
        for (const next of outcome.next)
          if (!stages.has(next))
            throw new OtkazError(ErrorCode.InputInvalid, `procedures.${p}.stages.${s}.outcomes.${o}.next: no stage ${next} in ${procedure.id}`, { where });
  }
  return model;
}

export function catalogueOf(models: readonly CountryModel[]): ProcedureCatalogue {
  const byProcedure = new Map<string, { country: CountryModel; procedure: Procedure }>();
  for (const country of models)
    for (const procedure of country.procedures) {
      if (byProcedure.has(procedure.id))
        throw new OtkazError(ErrorCode.InputInvalid, `procedure id ${procedure.id} in two countries`, { where: country.country });
      byProcedure.set(procedure.id, { country, procedure });
    }
  return {
    countries: models,
    country: (code) => models.find((m) => m.country === code.toUpperCase()) ?? null,
    procedure: (id) => byProcedure.get(id) ?? null,
    stage: (procedureId, stageId) => byProcedure.get(procedureId)?.procedure.stages.find((s) => s.id === stageId) ?? null,
  };
}

let loaded: ProcedureCatalogue | null = null;

/** The bundled procedure models (read once per process). */
export function loadProcedures(dir = PROCEDURES_DIR): ProcedureCatalogue {
  if (dir === PROCEDURES_DIR && loaded) return loaded;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const catalogue = catalogueOf(files.map((f) => parseCountryModel(readFileSync(path.join(dir, f), 'utf8'), path.join('assets', 'procedures', f))));
  if (dir === PROCEDURES_DIR) loaded = catalogue;
  return catalogue;
}

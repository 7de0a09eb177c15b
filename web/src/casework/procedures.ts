/**
 * The procedure models (GET /api/v1/procedures, kept in memory until sign-out): a country's and a procedure's names
 * in the app's language, where a page would otherwise show the ids (`DE`, `de.asylum`).
 */
import { useEffect, useState } from 'react';
import type { ProcedureCountry } from '../types.ts';
import { cached } from './session.ts';

export type Procedure = ProcedureCountry['procedures'][number];

export function findProcedure(countries: readonly ProcedureCountry[], id: string): { country: ProcedureCountry; procedure: Procedure } | null {
  for (const country of countries) for (const procedure of country.procedures) if (procedure.id === id) return { country, procedure };
  return null;
}

/** "Germany · Asylum procedure (AsylG)" in the language; the ids as given while the models load or for an unknown one. */
export function procedureName(countries: readonly ProcedureCountry[], destination: string, procedure: string, lang: 'en' | 'ru'): string {
  const found = findProcedure(countries, procedure);
  return `${found?.country.name[lang] ?? destination} · ${found?.procedure.name[lang] ?? procedure}`;
}

/** The procedure models, once per session (empty until they arrive, and if they cannot be read). */
export function useProcedures(): ProcedureCountry[] {
  const [countries, setCountries] = useState<ProcedureCountry[]>([]);
  useEffect(() => {
    let live = true;
    cached<{ countries: ProcedureCountry[] }>('/api/v1/procedures').then(
      (answer) => live && setCountries(answer.countries),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return countries;
}

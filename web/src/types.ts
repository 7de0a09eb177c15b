export interface CaseRow {
  id: number;
  court_vnkod: string;
  court_name: string | null;
  case_number: string | null;
  receipt_date: string | null;
  decision_date: string | null;
  articles: string | null;
  defendants: string | null;
  outcome: string | null;
  synthetic: boolean;
}

export interface Counts {
  rows: Array<Record<string, string> & { cases: number; defendants: number }>;
  totals: { cases: number; defendants: number; syntheticCases: number };
  method: string;
}

export interface ReleaseRef {
  id: number;
  source: string;
  dataset: string;
  release: string;
  vintage: string;
  sha256: string;
  file: string;
  synthetic: boolean;
}

export interface SeriesRow {
  source: string;
  dataset: string;
  measure: string;
  destination: string;
  period: string;
  unit: string;
  value: number | null;
  levels: string;
  flags: string;
  months: number | null;
  complete: boolean;
  releases: ReleaseRef[];
  definition: string;
  queryId: number;
}

export interface SeriesStatement {
  id: number;
  source: string;
  destination: string;
  sql: string;
  params: unknown[];
}

export interface SeriesResult {
  rows: SeriesRow[];
  queries: SeriesStatement[];
  notes: Array<{ source: string; note: string }>;
  definition: string;
}

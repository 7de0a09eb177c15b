/**
 * Bounded work: every collection a request (or an uploaded file) can make the server walk has a stated bound, and
 * long work runs against a time budget and yields to the event loop between its steps, so one request never
 * freezes the others (docs/security.md, "Bounded work"). Bounds are constants here so the documentation, the
 * schemas and the tests name the same numbers.
 */
import { ErrorCode, OtkazError } from './errors.ts';

export const LIMITS = {
  /** Claims in one POST /api/v1/claims/check (the web app sends one at a time). */
  claimsPerCheck: 10,
  /** Destinations (countries, aggregates) in one series or rates query, or claim. */
  destinations: 40,
  /** Procedure stages (`level`) in one query or claim; detail filters in one claim. */
  levels: 20,
  details: 10,
  /** Articles in one prosecution-count query; dimensions in `by`. */
  articles: 20,
  /** Courts and articles in one crawl plan (operator). */
  crawlCourts: 200,
  crawlArticles: 20,
  /** Bytes of one court page the crawler downloads (a real one is well under 2 MB); a longer body is refused. */
  crawlPageBytes: 32 * 1024 * 1024,
  /** Bytes of a statistics file's content (after gunzip), counted while hashing and again while reading. */
  inflatedBytes: 512 * 1024 * 1024,
  /** Characters of a JSON statistics file (UNHCR API JSON, JSON-stat) held for parsing. */
  jsonChars: 64 * 1024 * 1024,
  /** Values (object members and array elements, all levels) in a JSON statistics file, counted before parsing. */
  jsonValues: 4_000_000,
  /** Nesting depth of a JSON statistics file. */
  jsonDepth: 64,
  /** Cells of a JSON-stat cube that hold a value or a status. */
  jsonStatCells: 2_000_000,
  /** Wall time of one request's own work (the claim check), ms. */
  requestBudgetMs: 5_000,
} as const;

/** The coded error for a bound passed; `message` states the bound. */
export function limitError(message: string, where?: string): OtkazError {
  return new OtkazError(ErrorCode.LimitExceeded, message, where ? { where } : {});
}

/** Lets timers and I/O (other requests) run: a macrotask turn, not a microtask. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A wall-time budget: `check` throws a coded error once it is spent; `pause` yields, then checks. */
export class Budget {
  readonly ms: number;
  readonly deadline: number;
  constructor(
    ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.ms = ms;
    this.deadline = now() + ms;
  }

  get remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }

  check(what: string): void {
    if (this.now() > this.deadline)
      throw new OtkazError(ErrorCode.TimeBudget, `${what} ran past its time budget of ${this.ms} ms and was stopped; send less at once`);
  }

  async pause(what: string): Promise<void> {
    await yieldToEventLoop();
    this.check(what);
  }
}

/** No budget: work that may take as long as it needs (the CLI), still yielding. */
export const UNBOUNDED = new Budget(Number.POSITIVE_INFINITY);

/**
 * Counts the values and the depth of a JSON text without building it (a scan over the characters, strings
 * skipped), so a file with millions of keys or deep nesting is refused before JSON.parse allocates it.
 */
export function checkJsonShape(
  json: string,
  where: string,
  limits: { values: number; depth: number } = { values: LIMITS.jsonValues, depth: LIMITS.jsonDepth },
): { values: number; depth: number } {
  let depth = 0;
  let maxDepth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) {
        maxDepth = depth;
        if (depth > limits.depth) throw limitError(`JSON nested deeper than ${limits.depth} levels`, where);
      }
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
    else if (c === 0x2c) {
      // Each comma separates one more member or element.
      if (++values > limits.values) throw limitError(`JSON with more than ${limits.values.toLocaleString('en-US')} values (members and elements)`, where);
    }
  }
  return { values, depth: maxDepth };
}

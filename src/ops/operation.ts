/**
 * An operation: one thing the application does (list cases, show a case, plan a crawl, check claims, …), as one
 * library function with one zod input schema next to it, a typed result with its schema, and the policy rule that
 * decides who may do it. The API route (src/api/bind.ts) and the CLI command (src/cli/bind.ts) are thin adapters
 * over it: both validate with the same schema, so a bad flag and a bad query parameter get the same message; SQL
 * lives in library modules only. Every operation is listed in src/operations/registry.ts; a test checks each surface it
 * is offered on has its adapter.
 */
import type { z } from 'zod';
import type { CaseworkServices } from '../casework/services.ts';
import type { Config } from '../config/config.ts';
import type { CourtDirectory } from '../courts/directory/types.ts';
import type { Database } from '../db/database.ts';
import type { LoadedKnowledgeBase } from '../guidance/load.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { Budget } from '../shared/limits.ts';
import type { Actor } from './actor.ts';
import type { AnyRule, Rule } from './policy.ts';

/** What an operation runs with: who is asking, and the installation's parts (loaded when first used). */
export interface OperationContext {
  readonly actor: Actor;
  readonly config: Config;
  readonly db: Database;
  readonly kb: LoadedKnowledgeBase;
  readonly directory: CourtDirectory;
  /** The name-hash key (src/shared/person-key.ts). */
  readonly personKey: string;
  /** The time budget of the request (the CLI: unbounded). */
  readonly budget: Budget;
  /** The clock: "today" in defaults is read from it when the operation runs (tests move it, never the global Date). */
  readonly now: () => Date;
  /** Keys, audit and clock of the case files (made when first used). */
  readonly casework: CaseworkServices;
  /**
   * Keeps a value derived from the stored data until the data change (the API: its response cache), for answers
   * not cacheable whole; absent (the CLI), the value is computed.
   */
  readonly derive?: <T>(key: string, compute: () => Promise<T>) => Promise<T>;
}

/**
 * Where an operation is offered: `true`, or why not (an API-only or CLI-only operation says so, e.g. "runs for
 * hours: a command, not a request").
 */
export interface Surfaces {
  readonly api: true | string;
  readonly cli: true | string;
}

/** A result as rows with fixed columns: CSV (API format=csv, CLI --csv) and the CLI's table use the same names. */
export interface Tabular<Out> {
  /** The file name of the API's CSV answer. */
  readonly fileName: string;
  readonly columns: readonly string[];
  /** The columns of one result, where they depend on it (e.g. the dimensions a count was grouped by). */
  columnsOf?(result: Out): readonly string[];
  rows(result: Out): readonly object[];
}

/** A tabular view's columns for one result. */
export function tableColumns<Out>(table: Tabular<Out>, result: Out): string[] {
  return [...(table.columnsOf ? table.columnsOf(result) : table.columns)];
}

/** An operation of any input and output (the registry's element type). */
export type AnyOperation = Operation<z.ZodObject, unknown>;

export interface Operation<In extends z.ZodObject, Out> {
  /** resource.verb, e.g. cases.list */
  readonly name: string;
  readonly summary: string;
  readonly input: In;
  /** The answer's schema: the API's response schema (and OpenAPI), the shape the web app's types come from. */
  readonly output: z.ZodType<Out>;
  readonly policy: AnyRule;
  readonly surfaces: Surfaces;
  readonly table?: Tabular<Out>;
  run(ctx: OperationContext, input: z.output<In>): Promise<Out>;
}

export function defineOperation<In extends z.ZodObject, Out>(operation: Operation<In, Out>): Operation<In, Out> {
  return operation;
}

/** How a path of an invalid input is named to the caller: a query parameter, a flag, an argument. */
export type NameOf = (path: readonly PropertyKey[]) => string;

/** The issues of a failed validation as one line: `--outcome: expected one of conviction, acquittal, …`. */
export function describeIssues(error: z.ZodError, nameOf: NameOf): string {
  return error.issues.map((issue) => `${nameOf(issue.path)}: ${issue.message}`).join('; ');
}

/** Validates raw input with the operation's schema; a failure is a coded usage error naming each field. */
export function parseInput<In extends z.ZodObject>(operation: Operation<In, unknown>, raw: unknown, nameOf: NameOf): z.output<In> {
  const parsed = operation.input.safeParse(raw);
  if (!parsed.success) throw new OtkazError(ErrorCode.Usage, describeIssues(parsed.error, nameOf));
  return parsed.data;
}

/** The policy's decision for the context's actor; a refusal is a coded error. */
export function authorize<R>(ctx: OperationContext, rule: Rule<R>, resource: R): void {
  const verdict = rule.check(ctx.actor, ctx.config, resource);
  if (!verdict.allow) throw new OtkazError(ErrorCode.AccessDenied, `not allowed: ${rule.name} (${verdict.reason.replace('_', ' ')})`);
}

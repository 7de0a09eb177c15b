/**
 * The API adapter of an operation (src/ops/operation.ts): a route whose path parameters and query string (or body)
 * are the operation's input schema split by where each field travels, whose policy is the operation's rule (decided
 * in the request pipeline before validation and before any database work), and whose 200 answer is validated
 * against the operation's output schema (so the OpenAPI document is complete and the web app's types come from
 * it). An operation with a tabular view answers CSV too (format=csv, bom=true), with the CLI's column names.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type CaseworkServices, caseworkServices } from '../casework/services.ts';
import { type Operation, type OperationContext, tableColumns } from '../ops/operation.ts';
import { personKey as readPersonKey } from '../shared/person-key.ts';
import type { RouteContext } from './context.ts';
import { bomParam, sendCsv } from './csv.ts';
import type { ZodApp } from './types.ts';

export interface RouteBinding<In extends z.ZodObject, Out> {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Input fields carried in the path (`:id`); the others travel in the query string (GET) or the JSON body (POST). */
  readonly params?: readonly (keyof z.input<In> & string)[];
  /** The answer depends only on the stored data and the actor's partition: served from the response cache. */
  readonly cache?: boolean;
  /** Wall-time budget of the route's own work, ms. */
  readonly budgetMs?: number;
  /** More for the OpenAPI description than the operation's summary says. */
  readonly description?: string;
  /** Presentation-only query parameters (not the operation's input), e.g. format=html; given to `send`. */
  readonly presentation?: z.ZodObject;
  /** An answer that is not the JSON result (a file, a page): sends it. */
  readonly send?: (reply: FastifyReply, result: Out, presentation: Record<string, unknown>) => FastifyReply | Promise<FastifyReply>;
}

/** The operation context of one request: its actor and budget; the name-hash key read when first used. */
export function requestContext(ctx: RouteContext, request: FastifyRequest): OperationContext {
  let key: string | null = null;
  let services: CaseworkServices | null = null;
  return {
    actor: request.actor,
    config: ctx.config,
    db: ctx.db,
    kb: ctx.kb,
    directory: ctx.directory,
    get personKey() {
      key ??= readPersonKey(ctx.config);
      return key;
    },
    budget: request.budget,
    get casework() {
      services ??= caseworkServices(ctx.config, request.ip, ctx.now);
      return services;
    },
  };
}

const csvQuery = z.object({ format: z.enum(['json', 'csv']).default('json').describe("csv: the same rows as the CLI's --csv"), bom: bomParam });

export function bindRoute<In extends z.ZodObject, Out>(app: ZodApp, ctx: RouteContext, operation: Operation<In, Out>, binding: RouteBinding<In, Out>): void {
  const inPath = Object.fromEntries((binding.params ?? []).map((field) => [field, true])) as Record<string, true>;
  const params = binding.params?.length ? operation.input.pick(inPath) : undefined;
  let rest: z.ZodObject = binding.params?.length ? operation.input.omit(inPath) : operation.input;
  if (operation.table && binding.method === 'GET') rest = rest.extend(csvQuery.shape);
  if (binding.presentation) rest = rest.extend(binding.presentation.shape);
  const presentationKeys = new Set([
    ...(operation.table && binding.method === 'GET' ? Object.keys(csvQuery.shape) : []),
    ...Object.keys(binding.presentation?.shape ?? {}),
  ]);
  const hasRest = Object.keys(rest.shape).length > 0;
  const schema = {
    summary: operation.summary,
    ...(binding.description ? { description: binding.description } : {}),
    ...(operation.policy.access === 'evidence' || operation.policy.access === 'operator' ? { security: [{ bearer: [] }] } : {}),
    ...(params ? { params } : {}),
    ...(binding.method === 'GET' ? { querystring: rest } : hasRest ? { body: rest } : {}),
    ...(binding.send ? {} : { response: { 200: operation.output } }),
  };
  app.route({
    method: binding.method,
    url: binding.url,
    config: {
      policy: operation.policy,
      operation: operation.name,
      ...(binding.cache ? { cache: true } : {}),
      ...(binding.budgetMs ? { budgetMs: binding.budgetMs } : {}),
    },
    schema,
    handler: async (request, reply) => {
      const carried = (binding.method === 'GET' ? request.query : request.body) as Record<string, unknown> | undefined;
      const input: Record<string, unknown> = {};
      const presentation: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(carried ?? {})) (presentationKeys.has(key) ? presentation : input)[key] = value;
      Object.assign(input, request.params as Record<string, unknown>);
      const result = await operation.run(requestContext(ctx, request), input as z.output<In>);
      if (binding.send) return binding.send(reply, result, presentation);
      if (operation.table && presentation.format === 'csv')
        return sendCsv(
          reply,
          operation.table.fileName,
          tableColumns(operation.table, result),
          operation.table.rows(result),
          presentation.bom as 'true' | 'false' | undefined,
        );
      return result;
    },
  });
}

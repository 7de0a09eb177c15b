/**
 * The API adapter of an operation (src/ops/operation.ts): a route whose path parameters and query string (or body)
 * are the operation's input schema split by where each field travels, whose policy is the operation's rule (decided
 * in the request pipeline before validation and before any database work), and whose 200 answer is validated
 * against the operation's output schema (so the OpenAPI document is complete and the web app's types come from
 * it). An operation with a tabular view answers CSV too (format=csv, bom=true), with the CLI's column names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type CaseworkServices, caseworkServices } from '../casework/services.ts';
import { type Operation, type OperationContext, tableColumns } from '../ops/operation.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { personKey as readPersonKey } from '../shared/person-key.ts';
import type { RouteContext } from './context.ts';
import { bomParam, sendCsv } from './csv.ts';
import { PROBLEM_RESPONSES } from './problem.ts';
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
  /** The largest request body, bytes (default: the server's BODY_LIMIT). */
  readonly bodyLimit?: number;
  /** More for the OpenAPI description than the operation's summary says. */
  readonly description?: string;
  /** Presentation-only query parameters (not the operation's input), e.g. format=html; given to `send`. */
  readonly presentation?: z.ZodObject;
  /** An answer that is not the JSON result (a file, a page): sends it. */
  readonly send?: (reply: FastifyReply, result: Out, presentation: Record<string, unknown>) => FastifyReply | Promise<FastifyReply>;
  /** With `send`: the answer's content types for the OpenAPI document, e.g. `{ 'application/warc': BINARY }`. */
  readonly produces?: Readonly<Record<string, z.ZodType>>;
  /** Input fields the route does not take from the caller (the command line's, e.g. --today): their defaults apply. */
  readonly omit?: readonly (keyof z.input<In> & string)[];
  /**
   * The request body is a file (any bytes, up to `limit`): written to a temporary file named by the input field
   * `name` (required here), whose path fills the input field `field`; removed when the answer is sent. The other
   * input fields travel in the query string. The content types are parsed as bytes by the route's plugin.
   */
  readonly upload?: {
    readonly field: keyof z.input<In> & string;
    readonly name: keyof z.input<In> & string;
    readonly limit: number;
    readonly contentTypes: readonly string[];
  };
  /** The operation changes the stored data: the response cache is emptied after it. */
  readonly invalidates?: boolean;
}

/** Bytes (a file, a page as captured) in the OpenAPI document. */
export const BINARY = z.string().meta({ format: 'binary' });
/** A request body of bytes, validated by the operation (the schema documents it only). */
const RAW_BODY = z.unknown().meta({ type: 'string', format: 'binary', description: 'the file, as bytes' });

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
    now: ctx.now ?? (() => new Date()),
    get casework() {
      services ??= caseworkServices(ctx.config, request.ip, ctx.now, ctx.casework);
      return services;
    },
    derive: (key, compute) => ctx.cache.derive(key, compute),
  };
}

const csvQuery = z.object({ format: z.enum(['json', 'csv']).default('json').describe("csv: the same rows as the CLI's --csv"), bom: bomParam });

export function bindRoute<In extends z.ZodObject, Out>(app: ZodApp, ctx: RouteContext, operation: Operation<In, Out>, binding: RouteBinding<In, Out>): void {
  const fields = (list: readonly string[] | undefined) => Object.fromEntries((list ?? []).map((field) => [field, true])) as Record<string, true>;
  const inPath = fields(binding.params);
  const omitted = binding.omit?.length ? operation.input.pick(fields(binding.omit)) : undefined;
  const upload = binding.upload;
  const params = binding.params?.length ? operation.input.pick(inPath) : undefined;
  const notCarried = fields([...(binding.params ?? []), ...(binding.omit ?? []), ...(upload ? [upload.field] : [])]);
  let rest: z.ZodObject = Object.keys(notCarried).length ? operation.input.omit(notCarried) : operation.input;
  if (upload) {
    const name = rest.shape[upload.name];
    if (name instanceof z.ZodOptional) rest = rest.extend({ [upload.name]: name.unwrap() });
  }
  if (operation.table && binding.method === 'GET') rest = rest.extend(csvQuery.shape);
  if (binding.presentation) rest = rest.extend(binding.presentation.shape);
  const presentationKeys = new Set([
    ...(operation.table && binding.method === 'GET' ? Object.keys(csvQuery.shape) : []),
    ...Object.keys(binding.presentation?.shape ?? {}),
  ]);
  const hasRest = Object.keys(rest.shape).length > 0;
  const inQuery = binding.method === 'GET' || upload !== undefined;
  const schema = {
    summary: operation.summary,
    ...(binding.description ? { description: binding.description } : {}),
    ...(operation.policy.access === 'evidence' || operation.policy.access === 'operator' ? { security: [{ bearer: [] }] } : {}),
    ...(operation.policy.access === 'member' ? { security: [{ session: [] }] } : {}),
    ...(params ? { params } : {}),
    ...(inQuery ? { querystring: rest } : hasRest ? { body: rest } : {}),
    ...(upload ? { body: RAW_BODY, consumes: [...upload.contentTypes] } : {}),
    ...(binding.produces
      ? {
          response: {
            200: { description: operation.summary, content: Object.fromEntries(Object.entries(binding.produces).map(([type, s]) => [type, { schema: s }])) },
            ...PROBLEM_RESPONSES,
          },
        }
      : binding.send
        ? {}
        : { response: { 200: operation.output, ...(upload ? PROBLEM_RESPONSES : {}) } }),
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
    ...(upload ? { bodyLimit: upload.limit } : {}),
    schema,
    ...(binding.bodyLimit ? { bodyLimit: binding.bodyLimit } : {}),
    handler: async (request, reply) => {
      const carried = (inQuery ? request.query : request.body) as Record<string, unknown> | undefined;
      const input: Record<string, unknown> = {};
      const presentation: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(carried ?? {})) (presentationKeys.has(key) ? presentation : input)[key] = value;
      Object.assign(input, request.params as Record<string, unknown>);
      if (omitted) Object.assign(input, omitted.parse({}));
      const opCtx = requestContext(ctx, request);
      let result: Out;
      if (upload) {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new OtkazError(ErrorCode.InputInvalid, `send the file as the request body (${upload.contentTypes.join(', ')})`);
        // The file keeps its uploaded name (its format is told by it); answers and errors give that name, never this folder.
        const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-upload-'));
        try {
          const file = path.join(dir, String(input[upload.name]));
          writeFileSync(file, body);
          result = await operation.run(opCtx, { ...input, [upload.field]: file } as z.output<In>);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      } else result = await operation.run(opCtx, input as z.output<In>);
      if (binding.invalidates) ctx.cache.invalidate();
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

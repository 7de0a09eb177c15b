/**
 * The CLI adapter of an operation (src/ops/operation.ts): positional arguments and flags become the operation's
 * input, validated by the operation's own schema before the database is opened — so a bad flag is a coded usage
 * error naming the flag (with the accepted values for an enum), the same message the API gives for its parameter.
 * Every bound command takes `--json`; an operation with a tabular view takes `--csv` and `--bom` too, with the
 * same column names as the API's CSV.
 */
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { memberByLogin, organisationId } from '../casework/members.ts';
import type { Queryable } from '../db/database.ts';
import { LOCAL, type UserActor } from '../ops/actor.ts';
import { type NameOf, type Operation, type OperationContext, parseInput, tableColumns } from '../ops/operation.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { present } from '../shared/present.ts';
import { operationContext, withContext } from './context.ts';
import { formatFrom, print, renderCsv } from './output.ts';
import { confirm } from './prompt.ts';

export interface CommandBinding<In extends z.ZodObject, Out> {
  /** The input field each positional argument fills, in the order the command's name declares them. */
  readonly args?: readonly (keyof z.input<In> & string)[];
  /** Input field → [commander flag, help]. A flag's value reaches the schema as the string typed (or true). */
  readonly flags?: { readonly [K in keyof z.input<In> & string]?: readonly [flag: string, help: string] };
  /** Raw values → the operation's input, where the command's words differ from the schema's (applied before validation);
   * `options` holds every option of the command, also those that are no input field (e.g. `--real-only`). */
  readonly map?: (raw: Record<string, unknown>, options: Record<string, unknown>) => Record<string, unknown>;
  /** Flags that fill a member inside an input field (`service.from` → `--from`), for naming it in a refusal. */
  readonly names?: Readonly<Record<string, string>>;
  /** The view for people (the default output). */
  text(result: Out, input: z.output<In>): string;
  /** Work the command line does first, after validation (e.g. load the bundled statistics a server loads at its start). */
  readonly prepare?: (ctx: OperationContext) => Promise<unknown>;
  /** After the answer is printed: e.g. a coded error for a report that found a problem (its exit status). */
  readonly after?: (result: Out, input: z.output<In>, options: Record<string, unknown>) => void;
  /**
   * The command acts as a member of an organisation (case files): it takes `--as <email>` (and `--org`, the
   * member's organisation, needed when the e-mail has accounts in several) and runs with that member's rights — the
   * same policies as the API.
   */
  readonly member?: boolean;
  /**
   * A command that cannot be undone asks first: the question (naming what goes) on the terminal, after the
   * input is validated and the member's rights are checked at the edge, before any work. It takes `--yes` to skip
   * the question; without a terminal (a pipe, a script) and without `--yes` it is refused (src/cli/prompt.ts).
   * Null: nothing to ask — the member may not do it anyway, and the operation refuses (and audits the refusal).
   */
  readonly confirm?: (input: z.output<In>, ctx: OperationContext) => string | null;
}

/** The rule's decision before any work (the operation checks a rule's resource condition itself). */
function refuseAtEdge(ctx: OperationContext, operation: { policy: Operation<z.ZodObject, unknown>['policy'] }): void {
  const edge = operation.policy.checkEdge(ctx.actor, ctx.config);
  if (!edge.allow) throw new OtkazError(ErrorCode.AccessDenied, `not allowed: ${operation.policy.name} (${edge.reason.replace('_', ' ')})`);
}

/** The member `--as` names, as an actor (verified: whoever runs the command line holds the data folder and the KEK). */
async function memberActor(db: Queryable, login: string, org: string | undefined): Promise<UserActor> {
  const member = await memberByLogin(db, login, org === undefined ? undefined : (await organisationId(db, org)).id);
  return { kind: 'user', userId: member.id, orgId: member.orgId, role: member.role, sessionId: null, verified: true };
}

/** Operations bound to a command, by name → the command's path (the operation coverage test reads it). */
export const boundCommands = new Map<string, string>();

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function bindCommand<In extends z.ZodObject, Out>(command: Command, operation: Operation<In, Out>, binding: CommandBinding<In, Out>): Command {
  return attach(command, operation, binding, null);
}

/** A command whose last argument is variadic (`<files...>`): the operation runs once per value, in order. */
export interface EachBinding<In extends z.ZodObject, Out> extends Omit<CommandBinding<In, Out[]>, 'text' | 'after' | 'confirm'> {
  /** The input field each value of the variadic argument fills (the last of `args`, e.g. `<files...>` → file). */
  readonly each: keyof z.input<In> & string;
  /** The view for people of every result. */
  text(results: Out[]): string;
}

/**
 * Binds a command that runs its operation once per value of a variadic argument (`stats import <files...>`): every
 * value is validated before the first runs; the answer is the list of results (JSON: an array, each encoded with the
 * operation's output schema).
 */
export function bindCommandEach<In extends z.ZodObject, Out>(command: Command, operation: Operation<In, Out>, binding: EachBinding<In, Out>): Command {
  return attach<In, Out>(command, operation, { ...binding, text: (results: Out[]) => binding.text(results) }, binding.each);
}

function attach<In extends z.ZodObject, Out>(
  command: Command,
  operation: Operation<In, Out>,
  binding: CommandBinding<In, Out> | CommandBinding<In, Out[]>,
  each: string | null,
): Command {
  const flagOf = new Map<string, string>();
  const attributes: Array<[field: string, attribute: string]> = [];
  for (const [field, spec] of Object.entries(binding.flags ?? {}) as Array<[string, readonly [string, string] | undefined]>) {
    if (!spec) continue;
    const option = new Option(spec[0], spec[1]);
    command.addOption(option);
    flagOf.set(field, option.long ?? spec[0]);
    attributes.push([field, option.attributeName()]);
  }
  if (binding.member) {
    command.requiredOption('--as <member>', 'act as this member of an organisation (e-mail or id)');
    command.option('--org <org>', "the member's organisation (slug or id); needed when the e-mail is in several");
  }
  if ('confirm' in binding && binding.confirm) command.option('--yes', 'do not ask for confirmation (needed without a terminal)');
  command.option('--json', 'machine-readable output');
  if (operation.table && !each) command.option('--csv', 'CSV output').option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)');
  if (!command.description()) command.description(operation.summary);
  const args: readonly string[] = binding.args ?? [];
  // A member inside a flag's value (a JSON record: `--record military.service.0.from`) is named after the flag and
  // its path; an element of a list flag (`--source unhcr,frontex`) by the flag alone.
  const nameOf: NameOf = (path) => {
    const named = binding.names?.[path.map(String).join('.')];
    if (named) return named;
    const field = String(path[0] ?? '');
    const inside = typeof path[1] === 'string' ? ` ${path.slice(1).map(String).join('.')}` : '';
    const flag = flagOf.get(field);
    if (flag) return `${flag}${inside}`;
    return args.includes(field) ? `<${field}>${inside}` : field ? `${field}${inside}` : 'input';
  };
  command.action(async (...given: unknown[]) => {
    const declared = command.registeredArguments;
    const options = { ...(given[declared.length] as Record<string, unknown>) };
    // Positional arguments that are no input field (e.g. a file to read) reach `map` among the options, by name.
    declared.forEach((argument, i) => {
      if (i >= args.length && given[i] !== undefined) options[argument.name().replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = given[i];
    });
    const raw: Record<string, unknown> = {};
    args.forEach((field, i) => {
      if (given[i] !== undefined) raw[field] = given[i];
    });
    for (const [field, attribute] of attributes) if (options[attribute] !== undefined) raw[field] = options[attribute];
    const mapped = binding.map ? binding.map(raw, options) : raw;
    const format = formatFrom(options as { json?: boolean; csv?: boolean });
    if (each) {
      // Every value of the variadic argument is checked before the first one runs.
      const inputs = [mapped[each]].flat().map((value) => parseInput(operation, { ...mapped, [each]: value }, nameOf));
      const list = binding as CommandBinding<In, Out[]>;
      await withContext(async (cli) => {
        const ctx = operationContext(cli, LOCAL);
        refuseAtEdge(ctx, operation);
        await list.prepare?.(ctx);
        const results: Out[] = [];
        for (const input of inputs) results.push(await operation.run(ctx, input));
        if (format === 'json') print(JSON.stringify(z.encode(z.array(operation.output), results), null, 2));
        else print(list.text(results, present(inputs[0], 'the first input')));
      });
      return;
    }
    const input = parseInput(operation, mapped, nameOf);
    const single = binding as CommandBinding<In, Out>;
    await withContext(async (cli) => {
      const actor = single.member ? await memberActor(cli.db, String(options.as), options.org === undefined ? undefined : String(options.org)) : LOCAL;
      const ctx = operationContext(cli, actor);
      refuseAtEdge(ctx, operation);
      const question = options.yes === true ? null : (single.confirm?.(input, ctx) ?? null);
      if (question !== null) await confirm(question);
      await single.prepare?.(ctx);
      const result = await operation.run(ctx, input);
      // The API's answer exactly: encoded with the output schema, which drops what it does not name.
      if (format === 'json') print(JSON.stringify(z.encode(operation.output, result), null, 2));
      else if (format === 'csv' && operation.table)
        print(renderCsv(tableColumns(operation.table, result), operation.table.rows(result), { bom: options.bom === true }));
      else print(single.text(result, input));
      single.after?.(result, input, options);
    });
  });
  boundCommands.set(operation.name, commandPath(command));
  return command;
}

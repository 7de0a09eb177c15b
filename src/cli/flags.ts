/**
 * Flags of the commands that are tools rather than operations (a simulator, a demo, parsing a file of one's own):
 * validated with a zod schema before anything starts, so a bad value is a coded usage error naming the flag — the
 * same messages as the operations' flags (src/cli/bind.ts).
 */
import { z } from 'zod';
import { describeIssues } from '../ops/operation.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';

/** Commander's option bag → the schema's output; `flags` names each field's flag for the message. */
export function parseFlags<S extends z.ZodObject>(
  schema: S,
  options: Record<string, unknown>,
  flags: { readonly [K in keyof z.input<S>]?: string },
): z.output<S> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const named = flags as Record<string, string | undefined>;
  throw new OtkazError(
    ErrorCode.Usage,
    describeIssues(parsed.error, (path) => named[String(path[0])] ?? String(path[0] ?? 'input')),
  );
}

/** A whole number from `min` (a flag's string). */
export const whole = (min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);

/** A range of milliseconds `200-2000` (or one value `500`). */
export const msRange = z
  .string()
  .regex(/^\d+(-\d+)?$/, 'expected milliseconds or a range, e.g. 200-2000')
  .transform((v) => v.split('-').map(Number) as [number] | [number, number])
  .refine((r) => r.length === 1 || r[0] <= (r[1] ?? r[0]), 'the range must run from low to high')
  .transform((r): [number, number] => [r[0], r[1] ?? r[0]]);

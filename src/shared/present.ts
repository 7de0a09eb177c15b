/**
 * A value the code knows is there, although its type allows it to be missing: a regular expression's mandatory
 * group, an element at an index inside the loop's bounds, a key set just before. Instead of a non-null assertion
 * (`value!`, which lets a bug run on with `undefined`), `present(value, what)` returns it, or throws naming `what`.
 * It fails only on a bug in the code, never on bad input: input gets an OtkazError with its code where it is read.
 * In a loop over every byte or cell, pass a constant `what` (a template string would be built on every call).
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`internal error: ${what} is missing`);
  return value;
}

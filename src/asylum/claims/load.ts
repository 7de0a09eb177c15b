/** Reads a claims file (YAML, as in assets/claims/): errors name the file and the line, or the path inside it. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { present } from '../../shared/present.ts';
import { type Claim, claimsFileSchema } from './check.ts';

export function loadClaims(file: string): Claim[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new OtkazError(ErrorCode.InputNotFound, 'cannot read the claims file', { where: file, cause });
  }
  let document: unknown;
  try {
    document = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const linePos = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    throw new OtkazError(ErrorCode.ClaimsInvalid, `invalid YAML: ${(error as Error).message.split('\n')[0]}`, {
      where: linePos ? `${file}:${linePos.line}:${linePos.col}` : file,
      cause: error,
    });
  }
  const parsed = claimsFileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = present(parsed.error.issues[0], 'the first validation issue');
    throw new OtkazError(ErrorCode.ClaimsInvalid, `${issue.message} at ${issue.path.join('.')}`, { where: file });
  }
  return parsed.data.claims;
}

// The web app's API types, generated from the server's OpenAPI document: builds the app in-process (no server, no
// network, and no database: building the routes reads none, and opening even an in-memory one costs seconds), takes its OpenAPI 3.1 document and turns it into TypeScript with
// openapi-typescript. The output is committed (web/src/api/schema.gen.ts); test/web/api-types.test.ts generates it
// into memory and fails when the committed file is stale (it never writes it); `npm run build:web` runs this first.
// The document must not depend on the clock, the configuration or the machine (issue #12): a value computed when
// the request comes (e.g. "today") is described in words and applied by the operation, not declared as a default.
//
//   node --import tsx scripts/gen-api-types.ts           write web/src/api/schema.gen.ts
//   node --import tsx scripts/gen-api-types.ts --check   exit 1 when the committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/api/app.ts';
import { type Config, loadConfig } from '../src/config/config.ts';
import { loadDirectory } from '../src/courts/directory/load.ts';
import type { Database } from '../src/db/database.ts';
import { loadKnowledgeBase } from '../src/guidance/load.ts';
import { PROJECT_ROOT } from '../src/shared/paths.ts';

export const API_TYPES_FILE = path.join(PROJECT_ROOT, 'web', 'src', 'api', 'schema.gen.ts');
export const API_TYPES_COMMAND = 'npm run gen:api-types';

const HEADER = `// Generated from the server's OpenAPI document by scripts/gen-api-types.ts (openapi-typescript): do not edit.
// After changing a route or an operation's schemas, run: ${API_TYPES_COMMAND}
`;

/** A database that refuses every use: the document is built from the route declarations alone. */
const noDatabase: Database = {
  engine: 'pglite',
  query: () => Promise.reject(new Error('the API type generator has no database')),
  exec: () => Promise.reject(new Error('the API type generator has no database')),
  copyCsv: () => Promise.reject(new Error('the API type generator has no database')),
  transaction: () => Promise.reject(new Error('the API type generator has no database')),
  close: () => Promise.resolve(),
};

/**
 * The configuration the document is built with: the defaults, from neither the environment nor an
 * otkaz.config.json (the folder taken as the working directory has none: it does not exist).
 */
export function generatorConfig(): Config {
  const unused = path.join(PROJECT_ROOT, 'var', 'gen-api-types-unused');
  return loadConfig({ OTKAZ_DATA_DIR: unused, OTKAZ_RATE_LIMIT: '0', OTKAZ_KEK_FILE: path.join(unused, 'kek-unused') }, unused);
}

/** The OpenAPI document the server publishes at /api/openapi.json. */
export async function openApiDocument(config: Config = generatorConfig()): Promise<OpenAPI3> {
  const app = await buildApp({ config, db: noDatabase, directory: loadDirectory(), kb: loadKnowledgeBase() });
  try {
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
  }
}

/** The TypeScript source of the web app's API types, in memory (nothing is written). */
export async function generateApiTypes(doc?: OpenAPI3): Promise<string> {
  const nodes = await openapiTS(doc ?? (await openApiDocument()), { silent: true, alphabetize: true });
  return `${HEADER}\n${astToString(nodes)}`;
}

/** The committed file's text (null: there is none). */
export function committedApiTypes(file = API_TYPES_FILE): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Writes the generated types to `file` when they differ from what it holds (an unchanged file is not touched:
 * watchers and editors see no change); returns whether it wrote. Only the script calls it, never a test.
 */
export async function writeApiTypes(file = API_TYPES_FILE): Promise<boolean> {
  const text = await generateApiTypes();
  if (committedApiTypes(file) === text) return false;
  writeFileSync(file, text);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const relative = path.relative(PROJECT_ROOT, API_TYPES_FILE);
  if (process.argv.includes('--check')) {
    if (committedApiTypes() !== (await generateApiTypes())) {
      process.stderr.write(`${relative} is stale: run ${API_TYPES_COMMAND}\n`);
      process.exitCode = 1;
    }
  } else if (await writeApiTypes()) {
    process.stdout.write(`wrote ${relative} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

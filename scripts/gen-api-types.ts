// The web app's API types, generated from the server's OpenAPI document: builds the app in-process (no server, no
// network, and no database: building the routes reads none, and opening even an in-memory one costs seconds), takes its OpenAPI 3.1 document and turns it into TypeScript with
// openapi-typescript. The output is committed (web/src/api/schema.gen.ts); test/web/api-types.test.ts fails when it
// is stale, and scripts/build-web.mjs regenerates it when the server's sources changed.
//
//   node --import tsx scripts/gen-api-types.ts           write web/src/api/schema.gen.ts
//   node --import tsx scripts/gen-api-types.ts --check   exit 1 when the committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/api/app.ts';
import { loadConfig } from '../src/config/config.ts';
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

/** The OpenAPI document the server publishes at /api/openapi.json. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({ OTKAZ_DATA_DIR: path.join(PROJECT_ROOT, 'var', 'gen-api-types-unused'), OTKAZ_RATE_LIMIT: '0' });
  const app = await buildApp({ config, db: noDatabase, directory: loadDirectory(), kb: loadKnowledgeBase() });
  try {
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
  }
}

/** The TypeScript source of the web app's API types. */
export async function generateApiTypes(): Promise<string> {
  const doc = await openApiDocument();
  const nodes = await openapiTS(doc, { silent: true, alphabetize: true });
  return `${HEADER}\n${astToString(nodes)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const text = await generateApiTypes();
  const relative = path.relative(PROJECT_ROOT, API_TYPES_FILE);
  let committed: string | null;
  try {
    committed = readFileSync(API_TYPES_FILE, 'utf8');
  } catch {
    committed = null;
  }
  if (process.argv.includes('--check')) {
    if (committed !== text) {
      process.stderr.write(`${relative} is stale: run ${API_TYPES_COMMAND}\n`);
      process.exitCode = 1;
    }
  } else if (committed !== text) {
    writeFileSync(API_TYPES_FILE, text);
    process.stdout.write(`wrote ${relative} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

// `npm start`: build the web app and the server bundle if their sources changed, then serve from the bundle in
// this same process (one Node start; see scripts/build-server.mjs).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, SERVER_DIST } from './build-server.mjs';
import { buildWeb } from './build-web.mjs';

await buildWeb();
await buildServer();
const { serve } = await import(pathToFileURL(path.join(SERVER_DIST, 'main.js')).href);
process.exitCode = await serve();

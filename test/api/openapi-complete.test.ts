// The OpenAPI document is complete: every /api/ route documents a 2xx answer with a schema for each content type
// it may have (JSON, CSV, a WARC file, a page as captured), so the web app's generated types cover every answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routeTable } from '../../src/api/app.ts';
import { type TestApi, testApi } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

interface Response {
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  responses?: Record<string, Response>;
}

describe('OpenAPI: every /api/ route has a response schema', () => {
  let api: TestApi;
  before(async () => {
    const pglite = ENGINES.find((e) => e.name === 'pglite');
    assert.ok(pglite);
    api = await testApi(pglite);
  });
  after(() => api.close());

  it('a 2xx answer with a schema for each content type', () => {
    const doc = api.app.swagger() as { paths?: Record<string, Record<string, Operation>> };
    const documented = (method: string, url: string) => doc.paths?.[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    const routes = routeTable(api.app)
      .map((line) => line.split(' ') as [string, string])
      .filter(([, url]) => url.startsWith('/api/') && url !== '/api/openapi.json' && url !== '/api/docs');
    assert.ok(routes.length >= 25, `the API's routes: ${routes.length}`);
    const missing: string[] = [];
    for (const [method, url] of routes) {
      const op = documented(method, url);
      const ok = Object.entries(op?.responses ?? {}).filter(([status]) => /^2(\d\d|XX)$/i.test(status));
      const typed = ok.filter(([, r]) => Object.keys(r.content ?? {}).length > 0 && Object.values(r.content ?? {}).every((c) => c.schema !== undefined));
      if (!typed.length) missing.push(`${method} ${url}`);
    }
    assert.deepEqual(missing, [], 'routes without a 2xx response schema');
  });

  it('files and pages say what they are, and their errors are problem+json', () => {
    const doc = api.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const types = (path: string, status: string) => Object.keys(doc.paths[path]?.get?.responses?.[status]?.content ?? {}).sort();
    assert.deepEqual(types('/api/v1/cases/{id}/warc', '200'), ['application/warc']);
    assert.deepEqual(types('/api/v1/captures/{id}/redacted', '200'), ['application/json', 'text/html']);
    assert.deepEqual(types('/api/v1/captures/{id}/raw', '200'), ['application/octet-stream', 'text/html']);
    assert.deepEqual(types('/api/v1/cases/{id}/warc', '4XX'), ['application/problem+json']);
    const upload = doc.paths['/api/v1/operations/stats/import']?.post as Operation & { requestBody?: { content?: Record<string, unknown> } };
    assert.deepEqual(Object.keys(upload.requestBody?.content ?? {}).sort(), [
      'application/gzip',
      'application/octet-stream',
      'text/csv',
      'text/tab-separated-values',
    ]);
    assert.ok(upload.responses?.['200']?.content?.['application/json']?.schema, 'the import result');
  });
});

// Property-based fuzz of the HTTP API: every route of the app's route table, its parameters generated from the
// route's schema in the OpenAPI document (enums, patterns, lengths, ranges) mixed with hostile values — NUL and
// control characters, lone surrogates, impossible dates and months, `..`, huge numbers, very long strings,
// invalid percent-encodings, wrong content types, broken JSON. Property: no answer is a 5xx, and every error is
// problem+json whose status matches. Used by the CI test (a few thousand inputs) and `npm run fuzz:api` (more).
// Deterministic for a seed: no time budget, no clock in the generators.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { routeTable } from '../../src/api/app.ts';
import { WEB_DIST } from '../../src/api/routes/web.ts';
import { present } from '../../src/shared/present.ts';
import { OPERATOR, READER } from '../helpers/api.ts';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

interface OpenApiOperation {
  parameters?: Array<{ in: 'query' | 'path' | 'header'; name: string; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface FuzzRoute {
  method: 'GET' | 'POST';
  url: string;
  access: string;
  query: Record<string, JsonSchema>;
  /** Query parameters the route requires. */
  required: string[];
  path: Record<string, JsonSchema>;
  body: JsonSchema | null;
}

export interface FuzzRequest {
  route: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

// Values that have broken servers before, and that this one must refuse politely.
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u0001\u0002\u001f',
  '\u007f',
  '\u0085',
  '\t',
  '\r\n',
  'line\nbreak',
  '\ud800',
  '\udfff',
  'x\udc00y',
  '\ud83d',
  '2024-02-30',
  '2023-02-29',
  '0000-00-00',
  '0000-01-01',
  '2024-13-01',
  '2024-00-10',
  '2024-04-31',
  '9999-99-99',
  '2024-02-29',
  '1900-02-29',
  '99999-01-01',
  '2024-1-1',
  '2024-13',
  '2024-00',
  '0000-12',
  'FY',
  'FY0',
  'FY 2023',
  'fy2023',
  '2022-Q5',
  '2022-q1',
  '2021-10..2022-01',
  '2022-01..2021-01',
  '2022-13..2023-01',
  '..',
  '....',
  '.',
  '..',
  '../..',
  '../../etc/passwd',
  '/etc/passwd',
  'a/b',
  'a\\b',
  'C:\\x',
  '~',
  'con',
  'nul',
  '.hidden',
  '0',
  '-1',
  '1',
  '2',
  '1.5',
  '1e308',
  '-1e308',
  '1e-308',
  '9007199254740993',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  ' 1 ',
  '１',
  "' or 1=1--",
  '"',
  '\\',
  '%',
  '_',
  '%%',
  '*',
  ',',
  ',,,',
  'a,,b',
  ';',
  'DEU,',
  ',DEU',
  'DEU,FRA,EU27',
  'WORLD',
  'RUS',
  'EU27_2020',
  'TOTAL',
  '.*',
  '(',
  '[',
  '\\d',
  '$1',
  '{}',
  '[]',
  'null',
  'true',
  '{"a":1}',
  '<script>alert(1)</script>',
  '&amp;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile input that looks like a template placeholder, on purpose
  '${x}',
  '{{x}}',
  'Громов Глеб Геннадьевич',
  'ГРОМОВ',
  'ё',
  'ß',
  'İ',
  'ǅ',
  '😀',
  '👨‍👩‍👧',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ufffd',
  '\uffff',
  'ﬀ',
  'x'.repeat(201),
  'x'.repeat(4096),
  'я'.repeat(2000),
  '9'.repeat(400),
  'a,'.repeat(500),
];
const HOSTILE_NUMBERS: unknown[] = [
  0,
  -1,
  1,
  2,
  1.5,
  -0,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  null,
  true,
  '1',
  [],
  {},
];
// Fragments appended to a URL without encoding: what a broken client or an attacker sends.
const RAW_FRAGMENTS = [
  '%',
  '%0',
  '%ZZ',
  '%E0%A4%A',
  '%FF',
  '%C0%AF',
  '%C0%80',
  '%ED%A0%80',
  '%00',
  '+',
  '&&',
  '=',
  '&=x',
  '&a[b]=1',
  '&__proto__=x',
  '&constructor[prototype]=x',
  '%2e%2e',
  '%2F',
  '..',
  '//',
  ';x=1',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/gzip',
  'text/csv',
  'application/json; charset=latin1',
  'application/problem+json',
];
const RAW_BODIES = [
  '',
  '{',
  '}',
  '[]',
  '[',
  'null',
  'true',
  '0',
  '"x"',
  '{"claims":',
  '{"claims":[]}',
  '{"claims":{}}',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '\u0000',
  '\ufeff{}',
  '{"a":1}{"b":2}',
  'x=1&y=2',
  '<a/>',
  '\u00ff\u00fe',
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** `arbitrary` with probability `p` (0–1), otherwise undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: Math.round(p * 100), arbitrary }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) });
}
/** Any string: short random (all code points, lone surrogates included), or a hostile one. */
const anyString = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 5 }) },
);

// The characters a negated class (`[^;=]`, `[^\s@]`) is drawn from: printable ASCII, Cyrillic and a few others.
// fast-check draws such a class by rejection, asking every excluded character's arbitrary about each draw, which
// took 14 of this suite's 33 s of CPU; a class listing the allowed characters of this alphabet is drawn directly.
const NEGATED_ALPHABET = [...Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)), ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯЁé€😀'];

/** `pattern` with each negated class `[^…]` written as the class of the alphabet's characters it allows. */
export function positiveClasses(pattern: string): string {
  return pattern.replace(/\[\^((?:\\.|[^\]\\])*)\]/g, (negated) => {
    const allowed = NEGATED_ALPHABET.filter((c) => new RegExp(`^${negated}$`, 'u').test(c));
    return `(?:${allowed.map((c) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|')})`;
  });
}

const patternArbitraries = new Map<string, fc.Arbitrary<string>>();

function patternString(pattern: string, maxLength: number | undefined): fc.Arbitrary<string> {
  try {
    let matching = patternArbitraries.get(pattern);
    if (!matching) {
      matching = fc.stringMatching(new RegExp(positiveClasses(pattern)));
      patternArbitraries.set(pattern, matching);
    }
    const arbitrary = matching;
    return maxLength === undefined ? arbitrary : arbitrary.map((s) => s.slice(0, maxLength));
  } catch {
    return fc.string({ maxLength: maxLength ?? 20 });
  }
}

// Plausible values for free-form parameters, by name (else a general pool), so that handlers and SQL run.
const PLAUSIBLE_BY_NAME: Record<string, string[]> = {
  indicator: ['applications', 'decisions', 'encounters', 'recognition_rate', 'pending'],
  measure: ['first_time', 'all', 'subsequent', 'positive', 'total', 'rejected'],
  origin: ['RUS', 'rus', 'WORLD', 'UKR', 'Russia'],
  dest: ['DEU', 'FRA', 'DEU,FRA', 'EU27_2020', 'EU27', 'USA', 'WORLD', 'DEU,FRA,EU27_2020'],
  destination: ['DEU', 'FRA', 'EU27_2020', 'USA', 'WORLD'],
  location: ['RUS', 'KAZ', 'GEO', 'arm', 'TUR'],
  source: ['eurostat', 'unhcr', 'cbp', 'eurostat,unhcr'],
  from: ['2019', '2022', 'FY2022', '2022-Q1', '2022-01', '2024-01-01'],
  to: ['2023', '2024', 'FY2024', '2023-Q4', '2023-12', '2024-12-31'],
  period: ['2022', '2023', 'FY2023', '2022-Q1', '2022-03', '2021-10..2022-01'],
  from_period: ['2021', '2022', 'FY2022'],
  level: ['FI', 'FINAL', 'EO', 'NA', 'FI,FINAL'],
  levels: ['FI', 'EO'],
  by: ['month,article', 'year', 'court,outcome', 'article,part', 'district'],
  articles: ['337', '338,337', '352.1'],
  q: ['Никитина', 'приговор', 'штраф', 'уклонение', 'ab'],
  outcome: ['conviction', 'acquittal', 'returned', 'fine'],
  prefer: ['DEU', 'DEU,FRA', 'GEO'],
  documents: ['passport', 'internal_passport', 'military_id', 'none', 'passport,military_id'],
  wording: ['about', 'almost', 'more than', 'nearly', 'under'],
  release: ['migr_asyappctza 2024-01-18'],
  filename: ['upload.csv', 'migr_asyappctza.tsv', 'x.json'],
  file: ['index.js', 'app.css', 'logo.svg'],
  country: ['DEU', 'FRA', 'GEO', 'KAZ'],
};
const PLAUSIBLE = ['2022', 'DEU', 'RUS', 'first_time', 'applications', '337', 'about', 'x'];
const realDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const BAD_DATES = [
  '2024-02-30',
  '2023-02-29',
  '0000-00-00',
  '0000-01-01',
  '2024-13-01',
  '2024-00-10',
  '2024-04-31',
  '9999-99-99',
  '1900-02-29',
  '2024-13',
  '2024-00',
  '2022-13..2023-01',
];
const INSERTED = ['\u0000', '\u0000', '\u0000', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\n', '%00', '..', '/', ',', "'"];

/** A value that breaks a schema or probes the code behind it: an accepted value with a NUL (or another bad
 *  character) inserted, a hostile string, an impossible date, a hostile number or shape. */
function hostileFor(schema: JsonSchema, depth: number, name?: string): fc.Arbitrary<unknown> {
  const types = schema.type === undefined ? [] : [schema.type].flat();
  const numeric = types.includes('integer') || types.includes('number');
  const inserted = fc.tuple(validFor(schema, depth, name), fc.nat(), fc.constantFrom(...INSERTED)).map(([value, at, ch]) => {
    const text = typeof value === 'string' ? value : String(value);
    const i = text.length ? at % (text.length + 1) : 0;
    return text.slice(0, i) + ch + text.slice(i);
  });
  return fc.oneof(
    { weight: 6, arbitrary: inserted },
    { weight: 3, arbitrary: anyString },
    { weight: 2, arbitrary: fc.constantFrom(...BAD_DATES) },
    { weight: numeric ? 3 : 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: depth > 0 ? 1 : 0, arbitrary: fc.constantFrom<unknown>(null, 0, true, [], {}, [null], { x: 1 }) },
  );
}

/** A value the schema accepts, or close to it (patterns are generated, so dates may still not exist). */
function validFor(schema: JsonSchema, depth: number, name?: string): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = schema.type === undefined ? ['string'] : [schema.type].flat();
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'integer':
        case 'number': {
          const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
          const max = Math.min(schema.maximum ?? 100_000, 2 ** 31);
          const ranged =
            type === 'integer' ? fc.integer({ min: Math.ceil(min), max }) : fc.double({ min: Math.max(min, -1e6), max: Math.min(max, 1e6), noNaN: true });
          return fc.oneof(
            { weight: 2, arbitrary: fc.integer({ min: Math.max(1, Math.ceil(min)), max: Math.max(3, Math.ceil(min)) }) },
            { weight: 1, arbitrary: ranged },
          );
        }
        case 'boolean':
          return fc.boolean();
        case 'array':
          return depth < 4 ? fc.array(valueFor(schema.items ?? { type: 'string' }, depth + 1, name), { maxLength: 3 }) : fc.constant([]);
        case 'object': {
          if (depth >= 4) return fc.constant({});
          const props = Object.entries(schema.properties ?? {});
          const required = new Set(schema.required ?? []);
          return fc
            .tuple(
              ...props.map(([name, s]) => sometimes(valueFor(s, depth + 1, name), required.has(name) ? 0.97 : 0.4).map((v) => [name, v] as const)),
              sometimes(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'Громов', ''), anyString), 0.03),
            )
            .map((entries) => {
              const object: Record<string, unknown> = {};
              for (const entry of entries) {
                if (entry === undefined) continue;
                const [name, value] = entry as readonly [string, unknown];
                // defineProperty: a generated "__proto__" key is an own property, as JSON.parse would make it.
                if (value !== undefined) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
              }
              return object;
            });
        }
        default: {
          const variants: Array<fc.WeightedArbitrary<string>> = [
            { weight: 6, arbitrary: fc.constantFrom(...((name && PLAUSIBLE_BY_NAME[name]) || PLAUSIBLE)) },
            { weight: 1, arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 20) }) },
          ];
          if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') variants.push({ weight: 12, arbitrary: realDate });
          else if (schema.pattern) variants.push({ weight: 8, arbitrary: patternString(schema.pattern, schema.maxLength) });
          return fc.oneof(...variants);
        }
      }
    }),
  );
}

/** Values for a JSON schema: mostly accepted (so the handlers and the SQL run), each leaf sometimes hostile. */
export function valueFor(schema: JsonSchema, depth = 0, name?: string): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: validFor(schema, depth, name) }, { weight: 1, arbitrary: hostileFor(schema, depth, name) });
}

/** Percent-encoding that also writes lone surrogates (as their WTF-8 bytes, which are not UTF-8). */
export function percentEncode(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = present(ch.codePointAt(0), 'the code point of a character');
    if (/^[A-Za-z0-9\-_.~]$/.test(ch)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

function queryValues(value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'object' && v !== null ? [JSON.stringify(v)] : [String(v)]));
  if (typeof value === 'object' && value !== null) return [JSON.stringify(value)];
  return [String(value)];
}

/** The routes to fuzz: the app's route table, each with its parameters from the OpenAPI document. */
export function fuzzRoutes(app: FastifyInstance): FuzzRoute[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
  return routeTable(app).map((line) => {
    const [method, url, access] = line.split(' ') as ['GET' | 'POST', string, string];
    // A hidden page with an API twin (/guidance/route and /api/v1/guidance/route) takes the twin's parameters.
    const documented = (u: string) => doc.paths?.[u.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    const op = documented(url) ?? documented(`/api/v1${url}`);
    const query: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const path: Record<string, JsonSchema> = {};
    for (const p of op?.parameters ?? []) {
      if (p.in === 'query') query[p.name] = p.schema;
      if (p.in === 'query' && p.required) required.push(p.name);
      if (p.in === 'path') path[p.name] = p.schema;
    }
    // Hidden routes (pages, assets) are not in the document: their path parameters are still fuzzed.
    for (const m of url.matchAll(/:(\w+)/g)) {
      const name = present(m[1], 'a path parameter name');
      path[name] ??= { type: 'string', pattern: name === 'country' ? '^[A-Z]{3}$' : '^[\\w.-]{1,20}$' };
    }
    if (!op && !url.startsWith('/api/')) query.lang = { type: 'string', enum: ['en', 'ru'] };
    const body = op?.requestBody?.content?.['application/json']?.schema ?? null;
    return { method, url, access, query, required, path, body };
  });
}

// Overrides keep the fuzz from planning millions of crawl jobs (a valid request of the operator, bounded by
// another part of the work) or importing files: it exercises their validation, not bulk writes.
const CRAWL_DATES = fc.constantFrom('2024-01-01', '2024-02-29', '2024-03-31', '2024-02-30', '0000-00-00', '2024-13-01', '2024-01-01\u0000', '', '\ud800');

function bodyFor(route: FuzzRoute): fc.Arbitrary<unknown> {
  if (route.url === '/api/v1/operations/crawl') {
    return fc.record(
      {
        courts: sometimes(fc.array(fc.oneof(fc.constantFrom('66GV0008', '50GV0001'), anyString), { maxLength: 3 }), 0.7),
        articles: sometimes(fc.array(fc.oneof(fc.constantFrom('337', '338', '352.1'), anyString), { maxLength: 3 }), 0.5),
        from: CRAWL_DATES,
        to: CRAWL_DATES,
      },
      { requiredKeys: ['from', 'to'] },
    );
  }
  return route.body ? valueFor(route.body) : fc.constant(undefined);
}

function requestFor(route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  const pathParams = fc.tuple(...Object.entries(route.path).map(([name, schema]) => valueFor(schema, 0, name).map((v) => [name, String(v)] as const)));
  const queryNames = Object.keys(route.query);
  const schemaOf = (name: string) => present(route.query[name], `the schema of query parameter ${name}`);
  // Each optional parameter is there about a third of the time, with an accepted value; in two requests of three
  // one parameter (present or not) gets a hostile value instead, so the others let it reach the handler.
  const queryParams = fc
    .record({
      present: fc.tuple(...queryNames.map((name) => (route.required.includes(name) ? fc.constant(true) : fc.integer({ min: 0, max: 99 }).map((n) => n < 35)))),
      valid: fc.tuple(...queryNames.map((name) => validFor(schemaOf(name), 0, name))),
      hostile: fc.tuple(...queryNames.map((name) => hostileFor(schemaOf(name), 0, name))),
      target: sometimes(fc.nat(), 0.6),
      extra: sometimes(fc.tuple(fc.oneof(fc.constantFrom('colour', 'page', 'q', '__proto__', 'Громов', ''), fc.string({ maxLength: 5 })), anyString), 0.05),
    })
    .map(({ present, valid, hostile, target, extra }) => {
      const entries: Array<readonly [string, unknown]> = [];
      const mutated = target === undefined || queryNames.length === 0 ? -1 : target % queryNames.length;
      queryNames.forEach((name, i) => {
        if (i === mutated) entries.push([name, hostile[i]]);
        else if (present[i]) entries.push([name, valid[i]]);
      });
      if (extra) entries.push(extra);
      return entries;
    });
  const token = fc.constantFrom<string | null>(OPERATOR, OPERATOR, OPERATOR, OPERATOR, OPERATOR, OPERATOR, READER, READER, null, 'wrong-token');
  const raw = sometimes(fc.constantFrom(...RAW_FRAGMENTS), 0.06);
  const isUpload = route.url === '/api/v1/operations/stats/import';
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant(isUpload ? 'application/octet-stream' : 'application/json') },
    { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  );
  const payload = isUpload
    ? fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ maxLength: 200 }), fc.constant('freq,unit\\TIME_PERIOD\t2022 \nA,PER\t1 \n'))
    : route.method === 'POST'
      ? fc.oneof(
          { weight: 8, arbitrary: bodyFor(route).map((b) => (b === undefined ? '' : JSON.stringify(b))) },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
        )
      : fc.constant(undefined);
  const extraHeaders = fc.record(
    { cookie: fc.constantFrom('lang=ru', 'lang=xx', 'lang=\u00e9', ''), 'accept-language': fc.constantFrom('ru-RU', 'en', '*', '') },
    { requiredKeys: [] },
  );
  return fc
    .record({ pathParams, queryParams, token, raw, contentType, payload, extraHeaders })
    .map(({ pathParams, queryParams, token, raw, contentType, payload, extraHeaders }) => {
      let url = route.url;
      for (const [name, value] of pathParams) url = url.replace(`:${name}`, value === '' ? '' : percentEncode(value));
      const query = queryParams.flatMap(([name, value]) => {
        return queryValues(value).map((v) => `${percentEncode(name)}=${percentEncode(v)}`);
      });
      let search = query.join('&');
      if (raw !== undefined) search += raw;
      if (search) url += `?${search}`;
      const headers: Record<string, string> = { ...extraHeaders };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (payload !== undefined) headers['content-type'] = contentType;
      return { route: `${route.method} ${route.url}`, method: route.method, url, headers, ...(payload === undefined ? {} : { payload }) };
    });
}

/** One request for any route of the table. */
export function anyRequest(routes: FuzzRoute[]): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...routes.map(requestFor));
}

// Without a build of the web app (a fresh clone before `npm start`), its pages answer 503 with how to build it.
const WEB_BUILT = existsSync(path.join(WEB_DIST, 'index.html'));

/** Why an answer breaks the property, or null when it is fine. */
export function violation(res: LightMyRequestResponse): string | null {
  // (light-my-request resolves dot segments, so /assets/.. reaches the shell at / too.)
  if (res.statusCode === 503 && !WEB_BUILT && res.body.includes('The web app is not built')) return null;
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return null;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `error ${res.statusCode} as ${type || 'no content type'}`;
  let body: { status?: unknown; code?: unknown; type?: unknown; title?: unknown };
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    return `error ${res.statusCode}: body is not JSON`;
  }
  if (body.status !== res.statusCode) return `problem status ${String(body.status)} on a ${res.statusCode}`;
  if (typeof body.code !== 'string' || typeof body.type !== 'string' || typeof body.title !== 'string') return 'problem without code, type or title';
  return null;
}

export async function send(app: FastifyInstance, request: FuzzRequest): Promise<LightMyRequestResponse> {
  const options: InjectOptions = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  };
  return app.inject(options);
}

export interface FuzzReport {
  runs: number;
  statuses: Record<string, number>;
  /** Answers 500 or above that break the rule (the 503 of an unbuilt web app excepted). */
  serverErrors: number;
  /** Answers that break the rule: 5xx, or an error that is not problem+json with its status. */
  violations: number;
  routes: Record<string, number>;
  failures: Array<{ request: FuzzRequest; problem: string; body: string }>;
}

/**
 * Sends `runs` generated requests. With `stopAtFirst`, fails like a property (fast-check shrinks the failing
 * request and throws); otherwise counts every violation and reports them.
 */
export async function fuzzApi(
  app: FastifyInstance,
  options: { runs: number; seed: number; stopAtFirst?: boolean; onProgress?: (done: number) => void },
): Promise<FuzzReport> {
  const routes = fuzzRoutes(app);
  const report: FuzzReport = { runs: 0, statuses: {}, serverErrors: 0, violations: 0, routes: {}, failures: [] };
  const property = fc.asyncProperty(anyRequest(routes), async (request) => {
    const res = await send(app, request);
    const problem = violation(res);
    if (!options.stopAtFirst || !problem) {
      report.runs += 1;
      report.statuses[res.statusCode] = (report.statuses[res.statusCode] ?? 0) + 1;
      report.routes[request.route] = (report.routes[request.route] ?? 0) + 1;
      if (options.onProgress && report.runs % 1000 === 0) options.onProgress(report.runs);
    }
    if (!problem) return true;
    if (options.stopAtFirst) throw new Error(`${problem}: ${res.body.slice(0, 300)}`);
    report.violations += 1;
    if (res.statusCode >= 500) report.serverErrors += 1;
    if (report.failures.length < 50) report.failures.push({ request, problem, body: res.body.slice(0, 300) });
    return true;
  });
  await fc.assert(property, { numRuns: options.runs, seed: options.seed });
  return report;
}

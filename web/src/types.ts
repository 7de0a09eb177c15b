/**
 * What the API answers, as the web app reads it: aliases into the types generated from the server's OpenAPI
 * document (./api/schema.gen.ts; regenerate with `npm run gen:api-types`).
 *
 * A route without a response schema yet has no generated type: its type is still written by hand here, marked
 * `TODO(generated): <route>`, until the route declares its schema.
 */
import type { paths } from './api/schema.gen.ts';

type Method = 'get' | 'post';
/** The JSON body of an operation's 200 answer (never, when the operation declares none). */
type JsonOf<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;
/** The paths whose `method` declares a JSON answer: naming any other path is a compile error, not a silent `never`. */
export type JsonPath<M extends Method = 'get'> = { [P in keyof paths]: [JsonOf<paths[P][M]>] extends [never] ? never : P }[keyof paths];
/** The JSON answer of `method path`, e.g. `ApiResponse<'/api/v1/cases/{id}'>`. */
export type ApiResponse<P extends JsonPath<M>, M extends Method = 'get'> = JsonOf<paths[P][M]>;

/** GET /healthz */
export type Health = ApiResponse<'/healthz'>;

/** GET /api/v1/cases */
export type CaseList = ApiResponse<'/api/v1/cases'>;
export type CaseRow = CaseList['rows'][number];

/** GET /api/v1/cases/{id} */
export type CaseDetail = ApiResponse<'/api/v1/cases/{id}'>;

/** GET /api/v1/stats/prosecutions */
export type Counts = ApiResponse<'/api/v1/stats/prosecutions'>;

/** GET /api/v1/stats/series */
export type SeriesResult = ApiResponse<'/api/v1/stats/series'>;
export type SeriesRow = SeriesResult['rows'][number];
export type ReleaseRef = SeriesRow['releases'][number];
export type SeriesStatement = SeriesResult['queries'][number];

/** GET /api/v1/stats/compare */
export type CompareCandidate = ApiResponse<'/api/v1/stats/compare'>[number];

/** GET /api/v1/courts */
export type Court = ApiResponse<'/api/v1/courts'>['courts'][number];

/** GET /api/v1/operations/captchas */
export type Captcha = ApiResponse<'/api/v1/operations/captchas'>[number];

/** POST /api/v1/claims/check */
export type ClaimResult = ApiResponse<'/api/v1/claims/check', 'post'>[number];
export type ClaimFigure = ClaimResult['figures'][number];

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

/** The problem+json body of an operation's refusals. */
type ProblemOf<Operation> = Operation extends { responses: { '4XX': { content: { 'application/problem+json': infer Body } } } } ? Body : never;
/**
 * One refused value of an api.validation problem (src/api/problem.ts, ValidationIssue). Every route refuses with the
 * same problem body; this one is read from a route that declares it in the OpenAPI document.
 */
export type ApiIssue = NonNullable<ProblemOf<paths['/api/v1/captures/{id}/raw']['get']>['issues']>[number];

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

/** The JSON body a `method path` takes, e.g. `ApiBody<'/api/v1/clients'>`. */
type BodyOf<Operation> = Operation extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;
export type ApiBody<P extends keyof paths, M extends Method = 'post'> = BodyOf<paths[P][M]>;

/** Sign-in: POST /api/v1/auth/login and the later steps; GET /api/v1/auth/session */
export type SignInState = ApiResponse<'/api/v1/auth/session'>;
export type SignInNext = SignInState['next'];
export type TotpEnrolment = ApiResponse<'/api/v1/auth/totp/enrol', 'post'>;
export type TotpConfirmed = ApiResponse<'/api/v1/auth/totp/confirm', 'post'>;
export type PasskeyOptions = ApiResponse<'/api/v1/auth/passkey/login/options', 'post'>;

/** Client files: GET /api/v1/clients, GET /api/v1/clients/{id} */
export type ClientList = ApiResponse<'/api/v1/clients'>;
export type ClientRow = ClientList['clients'][number];
export type ClientStatus = ClientRow['status'];
export type NewClient = ApiBody<'/api/v1/clients'>;
export type ClientCreated = ApiResponse<'/api/v1/clients', 'post'>;
export type ClientFile = ApiResponse<'/api/v1/clients/{id}'>;
export type ClientRecord = ClientFile['record'];
export type ClientUpdate = ApiBody<'/api/v1/clients/{id}'>;
export type LinkedCase = NonNullable<ClientFile['cases']>[number];
export type ClientNote = NonNullable<ClientFile['notes']>[number];
export type NoteKind = ClientNote['kind'];
export type ClientDocument = NonNullable<ClientFile['documents']>[number];
export type ClientApplication = ApiResponse<'/api/v1/clients/{id}/applications'>['applications'][number];
export type ApplicationStep = ClientApplication['steps'][number];
export type ProcedureCountry = ApiResponse<'/api/v1/procedures'>['countries'][number];
export type IdentityDocument = ClientRecord['documents'][number];
export type MilitaryStatus = NonNullable<ClientRecord['military']>['status'];
export type WantedStatus = NonNullable<ClientRecord['wanted']>['status'];
export type LinkCaseBody = ApiBody<'/api/v1/clients/{id}/cases'>;
/** POST /api/v1/clients/{id}/cases/{linkId}/remove, POST /api/v1/clients/{id}/documents/{documentId}/delete */
export type CaseUnlinked = ApiResponse<'/api/v1/clients/{id}/cases/{linkId}/remove', 'post'>;
export type DocumentDeleted = ApiResponse<'/api/v1/clients/{id}/documents/{documentId}/delete', 'post'>;
export type ClientSearch = ApiBody<'/api/v1/clients/search'>;
export type ClientSearchResult = ApiResponse<'/api/v1/clients/search', 'post'>;
export type ClientStats = ApiResponse<'/api/v1/clients/stats'>;
/** Preparing a file (issue #14): GET /api/v1/clients/{id}/checklist, GET /api/v1/clients/{id}/exclusion */
export type ClientChecklist = ApiResponse<'/api/v1/clients/{id}/checklist'>;
export type ClaimType = ClientChecklist['claimType'];
export type ChecklistItem = ClientChecklist['items'][number];
export type ChecklistMark = NonNullable<ChecklistItem['mark']>;
/** POST /api/v1/clients/{id}/checklist/marks */
export type ChecklistMarkBody = ApiBody<'/api/v1/clients/{id}/checklist/marks'>;
export type ClientExclusion = ApiResponse<'/api/v1/clients/{id}/exclusion'>;
export type ExclusionMatch = ClientExclusion['matches'][number];
export type Referral = ApiResponse<'/api/v1/clients/{id}/referrals', 'post'>;
export type Shares = ApiResponse<'/api/v1/clients/{id}/shares', 'post'>;
export type Member = ApiResponse<'/api/v1/org/members'>['members'][number];
export type MemberRole = Member['role'];

/** Organisation administration: GET /api/v1/org/users, /org/settings, /org/audit, /org/audit/verify */
export type OrgUser = ApiResponse<'/api/v1/org/users'>['users'][number];
export type UserCreated = ApiResponse<'/api/v1/org/users', 'post'>;
export type OrgSettings = ApiResponse<'/api/v1/org/settings'>;
export type AuditPage = ApiResponse<'/api/v1/org/audit'>;
export type AuditEntry = AuditPage['entries'][number];
export type AuditVerification = ApiResponse<'/api/v1/org/audit/verify'>;

/** GET /api/v1/deadlines/rules and /api/v1/deadlines/compute */
export type DeadlineRules = ApiResponse<'/api/v1/deadlines/rules'>;
export type DeadlineRuleInfo = DeadlineRules[number];
export type DeadlineResult = ApiResponse<'/api/v1/deadlines/compute'>;
export type LegalAidView = ApiResponse<'/api/v1/stats/legal-aid'>;

/** The case files' deadlines: per application (in GET /api/v1/clients/{id}/applications), GET /api/v1/deadlines/dashboard */
export type ApplicationDeadline = ClientApplication['deadlines'][number];
export type DeadlinesDashboard = ApiResponse<'/api/v1/deadlines/dashboard'>;
export type DashboardEntry = DeadlinesDashboard['overdue'][number];

/**
 * Every operation of the application, in one list: the coverage test (test/ops/coverage.test.ts) checks that each
 * one is bound on every surface it is offered on (an API route, a CLI command), and the route snapshot lists the
 * policy of each route. Adding an operation: define it next to its library code (src/operations/<resource>/),
 * name its rule in src/policies/, list it here, bind it in src/api/routes/ and/or src/cli/commands/.
 */

import type { AnyOperation } from '../ops/operation.ts';
import { languageOperation } from './account/language.ts';
import { exportArchiveOperation } from './archive/export.ts';
import { ingestOperation } from './archive/ingest.ts';
import { listCapturesOperation } from './archive/list.ts';
import { stampArchiveOperation } from './archive/stamp.ts';
import { verifyArchiveOperation } from './archive/verify.ts';
import { verifyStampOperation } from './archive/verify-stamp.ts';
import { compareOperation } from './asylum/compare.ts';
import { importStatisticsOperation } from './asylum/import.ts';
import { importReleaseOperation } from './asylum/import-release.ts';
import { legalAidOperation } from './asylum/legal-aid.ts';
import { ratesOperation } from './asylum/rates.ts';
import { releaseOperation } from './asylum/release.ts';
import { releasesOperation } from './asylum/releases.ts';
import { seriesOperation } from './asylum/series.ts';
import { listAuditOperation } from './audit/list.ts';
import { verifyAuditOperation } from './audit/verify.ts';
import { loginOperation } from './auth/login.ts';
import { passkeyLoginOptionsOperation, passkeyLoginVerifyOperation, passkeyRegisterOptionsOperation, passkeyRegisterVerifyOperation } from './auth/passkey.ts';
import { changePasswordOperation } from './auth/password.ts';
import { recoveryOperation } from './auth/recovery.ts';
import { logoutOperation, sessionOperation } from './auth/session.ts';
import { confirmTotpOperation, enrolTotpOperation, totpOperation } from './auth/totp.ts';
import { rawCaptureOperation } from './captures/raw.ts';
import { redactedCaptureOperation } from './captures/redacted.ts';
import { showCaptureOperation } from './captures/show.ts';
import { captureStampsOperation } from './captures/stamps.ts';
import { articlesOperation } from './cases/articles.ts';
import { caseCapturesOperation } from './cases/captures.ts';
import { caseEventsOperation } from './cases/events.ts';
import { exportCasesOperation } from './cases/export.ts';
import { findPersonOperation } from './cases/find-person.ts';
import { listCasesOperation } from './cases/list.ts';
import { casePersonsOperation } from './cases/persons.ts';
import { searchCasesOperation } from './cases/search.ts';
import { showCaseOperation } from './cases/show.ts';
import { caseWarcOperation } from './cases/warc.ts';
import { checkClaimsFileOperation, checkClaimsOperation } from './claims/check.ts';
import { CLIENT_OPERATIONS } from './clients/index.ts';
import { buildCourtsOperation } from './courts/build.ts';
import { listCourtsOperation } from './courts/list.ts';
import { answerCaptchaOperation, listCaptchasOperation } from './crawl/captchas.ts';
import { planCrawlOperation } from './crawl/plan.ts';
import { crawlStatusOperation } from './crawl/status.ts';
import { calendarOperation } from './deadlines/calendar.ts';
import { computeDeadlineOperation } from './deadlines/compute.ts';
import { dashboardOperation } from './deadlines/dashboard.ts';
import { remindersOperation } from './deadlines/reminders.ts';
import { deadlineRulesOperation } from './deadlines/rules.ts';
import { caseEvidencePacketOperation, evidencePacketOperation } from './evidence/packet.ts';
import { checkKnowledgeBaseOperation, knowledgeBaseOperation } from './guidance/check.ts';
import { factsOperation, offencesOperation } from './guidance/knowledge.ts';
import { guidanceRouteOperation } from './guidance/route.ts';
import { createOrgOperation } from './orgs/create.ts';
import { ORG_OPERATIONS } from './orgs/index.ts';
import { orgSettingsOperation, updateOrgSettingsOperation } from './orgs/settings.ts';
import { listProceduresOperation } from './procedures/list.ts';
import { prosecutionCountsOperation } from './prosecutions/count.ts';
import { createUserOperation } from './users/create.ts';
import { disableUserOperation } from './users/disable.ts';
import { listUsersOperation } from './users/list.ts';
import { resetPasswordOperation } from './users/reset-password.ts';
import { watchEventsOperation } from './watch/events.ts';
import { watchFeedOperation } from './watch/feed.ts';
import { watchClassifyOperation, watchPlanOperation } from './watch/run.ts';

export const OPERATIONS: readonly AnyOperation[] = [
  listCasesOperation,
  exportCasesOperation,
  showCaseOperation,
  casePersonsOperation,
  articlesOperation,
  caseEventsOperation,
  caseCapturesOperation,
  caseWarcOperation,
  caseEvidencePacketOperation,
  evidencePacketOperation,
  findPersonOperation,
  searchCasesOperation,
  showCaptureOperation,
  redactedCaptureOperation,
  rawCaptureOperation,
  listCapturesOperation,
  captureStampsOperation,
  stampArchiveOperation,
  verifyStampOperation,
  exportArchiveOperation,
  verifyArchiveOperation,
  ingestOperation,
  listCourtsOperation,
  buildCourtsOperation,
  prosecutionCountsOperation,
  releaseOperation,
  importReleaseOperation,
  legalAidOperation,
  planCrawlOperation,
  watchPlanOperation,
  watchClassifyOperation,
  watchEventsOperation,
  watchFeedOperation,
  crawlStatusOperation,
  listCaptchasOperation,
  answerCaptchaOperation,
  seriesOperation,
  compareOperation,
  ratesOperation,
  releasesOperation,
  importStatisticsOperation,
  knowledgeBaseOperation,
  offencesOperation,
  factsOperation,
  checkKnowledgeBaseOperation,
  guidanceRouteOperation,
  deadlineRulesOperation,
  computeDeadlineOperation,
  dashboardOperation,
  calendarOperation,
  remindersOperation,
  languageOperation,
  checkClaimsOperation,
  checkClaimsFileOperation,
  listAuditOperation,
  verifyAuditOperation,
  ...CLIENT_OPERATIONS,
  listProceduresOperation,
  createOrgOperation,
  orgSettingsOperation,
  updateOrgSettingsOperation,
  createUserOperation,
  listUsersOperation,
  disableUserOperation,
  resetPasswordOperation,
  loginOperation,
  sessionOperation,
  logoutOperation,
  changePasswordOperation,
  enrolTotpOperation,
  confirmTotpOperation,
  totpOperation,
  recoveryOperation,
  passkeyRegisterOptionsOperation,
  passkeyRegisterVerifyOperation,
  passkeyLoginOptionsOperation,
  passkeyLoginVerifyOperation,
  ...ORG_OPERATIONS,
];

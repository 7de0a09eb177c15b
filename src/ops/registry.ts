/**
 * Every operation of the application, in one list: the coverage test (test/ops/coverage.test.ts) checks that each
 * one is bound on every surface it is offered on (an API route, a CLI command), and the route snapshot lists the
 * policy of each route. Adding an operation: define it next to its library code (src/operations/<resource>/),
 * name its rule in src/policies/, list it here, bind it in src/api/routes/ and/or src/cli/commands/.
 */
import { exportArchiveOperation } from '../operations/archive/export.ts';
import { ingestOperation } from '../operations/archive/ingest.ts';
import { listCapturesOperation } from '../operations/archive/list.ts';
import { verifyArchiveOperation } from '../operations/archive/verify.ts';
import { rawCaptureOperation } from '../operations/captures/raw.ts';
import { redactedCaptureOperation } from '../operations/captures/redacted.ts';
import { showCaptureOperation } from '../operations/captures/show.ts';
import { articlesOperation } from '../operations/cases/articles.ts';
import { caseCapturesOperation } from '../operations/cases/captures.ts';
import { caseEventsOperation } from '../operations/cases/events.ts';
import { findPersonOperation } from '../operations/cases/find-person.ts';
import { listCasesOperation } from '../operations/cases/list.ts';
import { casePersonsOperation } from '../operations/cases/persons.ts';
import { searchCasesOperation } from '../operations/cases/search.ts';
import { showCaseOperation } from '../operations/cases/show.ts';
import { caseWarcOperation } from '../operations/cases/warc.ts';
import { buildCourtsOperation } from '../operations/courts/build.ts';
import { listCourtsOperation } from '../operations/courts/list.ts';
import { prosecutionCountsOperation } from '../operations/prosecutions/count.ts';
import type { AnyOperation } from './operation.ts';

export const OPERATIONS: readonly AnyOperation[] = [
  listCasesOperation,
  showCaseOperation,
  casePersonsOperation,
  articlesOperation,
  caseEventsOperation,
  caseCapturesOperation,
  caseWarcOperation,
  findPersonOperation,
  searchCasesOperation,
  showCaptureOperation,
  redactedCaptureOperation,
  rawCaptureOperation,
  listCapturesOperation,
  exportArchiveOperation,
  verifyArchiveOperation,
  ingestOperation,
  listCourtsOperation,
  buildCourtsOperation,
  prosecutionCountsOperation,
];

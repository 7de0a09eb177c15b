/**
 * Every operation of the application, in one list: the coverage test (test/ops/coverage.test.ts) checks that each
 * one is bound on every surface it is offered on (an API route, a CLI command), and the route snapshot lists the
 * policy of each route. Adding an operation: define it next to its library code (src/operations/<resource>/),
 * name its rule in src/policies/, list it here, bind it in src/api/routes/ and/or src/cli/commands/.
 */
import { listCasesOperation } from './cases/list.ts';
import { showCaseOperation } from './cases/show.ts';
import { answerCaptchaOperation, listCaptchasOperation } from './crawl/captchas.ts';
import { planCrawlOperation } from './crawl/plan.ts';
import { crawlStatusOperation } from './crawl/status.ts';
import type { AnyOperation } from '../ops/operation.ts';

export const OPERATIONS: readonly AnyOperation[] = [listCasesOperation, showCaseOperation, planCrawlOperation, crawlStatusOperation, listCaptchasOperation, answerCaptchaOperation];

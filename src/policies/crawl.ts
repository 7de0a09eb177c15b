/** Who may run the crawler: planning, its state and the captcha queue change or reveal operations, so the operator. */
import { rule } from '../ops/policy.ts';

export const crawlPolicy = {
  plan: rule('crawl.plan', 'operator'),
  status: rule('crawl.status', 'operator'),
} as const;

export const captchaPolicy = {
  list: rule('captchas.list', 'operator'),
  answer: rule('captchas.answer', 'operator'),
} as const;

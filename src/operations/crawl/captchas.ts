/** The human captcha queue: the pending images, and answering one (its host's list requests resume with it). */
import { z } from 'zod';
import { defineOperation } from '../../ops/operation.ts';
import { captchaPolicy } from '../../policies/crawl.ts';
import { id, text } from '../../shared/validation.ts';

// Loaded on first use: the captcha queue brings the crawler's page ingest, which serving needs nowhere else.
const captchaQueue = () => import('../../crawler/captcha.ts');

export const PendingCaptchaSchema = z.object({
  id: z.number().int(),
  host: z.string(),
  court_vnkod: z.string().nullable(),
  captcha_id: z.string(),
  png: z.string().nullable().describe('the image, PNG as base64'),
  preview: z.string().nullable().describe("the image drawn in text ('#' dark), where it can be"),
  created_at: z.string(),
});

export const listCaptchasOperation = defineOperation({
  name: 'captchas.list',
  summary: 'Pending captchas with their images (PNG, base64)',
  input: z.object({}).strict(),
  output: z.array(PendingCaptchaSchema),
  policy: captchaPolicy.list,
  surfaces: { api: true, cli: true },
  async run(ctx) {
    const { captchaPreview, pendingCaptchas } = await captchaQueue();
    const rows = await pendingCaptchas(ctx.db);
    return rows.map((r) => ({ ...r, png: r.png ? Buffer.from(r.png).toString('base64') : null, preview: captchaPreview(r.png) }));
  },
});

export const AnswerCaptchaInput = z
  .object({
    id: id.describe("the captcha's number in the queue"),
    answer: text(8)
      .trim()
      .regex(/^\d{3,8}$/, 'the digits shown')
      .describe('the digits shown'),
  })
  .strict();

export const answerCaptchaOperation = defineOperation({
  name: 'captchas.answer',
  summary: 'Answer a captcha; the host resumes with it',
  input: AnswerCaptchaInput,
  output: z.object({ answered: z.number().int(), host: z.string() }),
  policy: captchaPolicy.answer,
  surfaces: { api: true, cli: true },
  async run(ctx, input) {
    const { answerPendingCaptcha } = await captchaQueue();
    const { host } = await answerPendingCaptcha(ctx.db, input.id, input.answer);
    return { answered: input.id, host };
  },
});

/**
 * The deadline engine: appeal and filing deadlines of asylum procedures (Germany, France, the United States) from
 * rules kept as data (assets/deadlines/*.json), with public holidays per region and an explanation of every step.
 * The public API: `computeDeadline(ruleId, input)`, the rules (`deadlineRules()`), the holiday regions and types, and
 * the explanation of the structured steps in English or Russian (`explainSteps`, `inLanguage`), and the refusals
 * (`DeadlineInputError`: a stable reason and the field, written in either language by `refusalIn`).
 * See docs/deadlines.md.
 */
export { computeDeadline, type DeadlineInput, DeadlineInputError, type DeadlineResult, inLanguage } from './compute.ts';
export { isPlainDate, type PlainDate } from './dates.ts';
export { type DeadlineStep, EXPLANATION_LANGUAGES, type ExplanationLanguage, explainStep, explainSteps, type Localized } from './explain.ts';
export { REGIONS } from './holidays.ts';
export { DEADLINE_REFUSAL_REASONS, type DeadlineRefusal, type DeadlineRefusalReason, refusalIn } from './refusals.ts';
export { bundledRules as deadlineRules, type DeadlineRule, loadRules, type Period, type Source } from './rules.ts';

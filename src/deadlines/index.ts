/**
 * The deadline engine: appeal and filing deadlines of asylum procedures (Germany, France, the United States) from
 * rules kept as data (assets/deadlines/*.json), with public holidays per region and an explanation of every step.
 * The public API: `computeDeadline(ruleId, input)`, the rules (`deadlineRules()`), the holiday regions and types.
 * See docs/deadlines.md.
 */
export { computeDeadline, type DeadlineInput, type DeadlineResult } from './compute.ts';
export { isPlainDate, type PlainDate } from './dates.ts';
export { REGIONS } from './holidays.ts';
export { bundledRules as deadlineRules, type DeadlineRule, loadRules, type Period, type Source } from './rules.ts';

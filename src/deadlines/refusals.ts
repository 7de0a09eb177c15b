/**
 * Why the deadline engine refused an input, in English or Russian. The engine (compute.ts) records a refusal as
 * data — a stable `reason`, the input `field` it concerns, and the values the sentence needs — and this module
 * writes it as a sentence in the language asked, starting with the field (`from: …`, `rule: …`). The same data
 * travels with the error (`DeadlineInputError.refusal`), in the API's problem answer (`reason`, `field`,
 * `refusal`) and in the case files' deadlines (`error.refusal`), so the web app writes it in its own language as it
 * writes the steps (explain.ts). Pure, like explain.ts: the web app imports it.
 */
import { type ExplanationLanguage, type Localized, russianPlural } from './explain.ts';

/** The input fields a refusal can concern (the names of `DeadlineInput`, the API's query parameters). */
export const DEADLINE_FIELDS = ['rule', 'from', 'due', 'region', 'overseas', 'legalAidRequestedOn', 'legalAidDecidedOn', 'shift'] as const;
export type DeadlineField = (typeof DEADLINE_FIELDS)[number];
export type DateField = 'from' | 'due' | 'legalAidRequestedOn' | 'legalAidDecidedOn';

/** The stable reasons: part of the interface, like the error code (`deadlines.input`) they refine. */
export const DEADLINE_REFUSAL_REASONS = [
  'unknown_rule',
  'rule_without_period',
  'not_a_date',
  'year_out_of_range',
  'unknown_region',
  'required',
  'only_manual',
  'not_for_manual',
  'no_such_option',
  'extension_unit',
  'before_event',
  'before_request',
  'legal_aid_too_late',
] as const;
export type DeadlineRefusalReason = (typeof DEADLINE_REFUSAL_REASONS)[number];

/**
 * A refusal, structured. Values the caller typed are kept only when they have the shape they should (a rule id, a
 * date, a region code), else null: a refusal never repeats arbitrary text.
 */
export type DeadlineRefusal =
  /** No rule with that id (`given`: the id asked, when it looks like one); `rules`: the ids there are. */
  | { readonly reason: 'unknown_rule'; readonly field: 'rule'; readonly given: string | null; readonly rules: string[] }
  /** A period rule without its period (rule data that bypassed the schema). */
  | { readonly reason: 'rule_without_period'; readonly field: 'rule'; readonly rule: string }
  /** Not a real calendar date written YYYY-MM-DD. */
  | { readonly reason: 'not_a_date'; readonly field: DateField; readonly given: string | null }
  /** A date outside the years the holiday calendars and the rules cover. */
  | { readonly reason: 'year_out_of_range'; readonly field: DateField; readonly date: string; readonly first: number; readonly last: number }
  /** A holiday region the rule's country has no calendar for. */
  | {
      readonly reason: 'unknown_region';
      readonly field: 'region';
      readonly given: string | null;
      readonly country: string;
      readonly regions: string[];
    }
  /** A date the computation needs is missing: the event (`from`, named by the rule's `event`), the date set (`due`), the legal-aid request. */
  | { readonly reason: 'required'; readonly field: 'from'; readonly event: Localized }
  | { readonly reason: 'required'; readonly field: 'due' }
  | { readonly reason: 'required'; readonly field: 'legalAidRequestedOn' }
  /** `due` or `shift` given to a rule that counts a period. */
  | { readonly reason: 'only_manual'; readonly field: 'due' | 'shift'; readonly rule: string }
  /** An option of the period rules given to a manual rule. */
  | { readonly reason: 'not_for_manual'; readonly field: 'overseas' | 'legalAidRequestedOn' | 'legalAidDecidedOn'; readonly rule: string }
  /** The rule has no overseas extension, or no legal-aid suspension. */
  | { readonly reason: 'no_such_option'; readonly field: 'overseas' | 'legalAidRequestedOn' | 'legalAidDecidedOn'; readonly rule: string }
  /** The overseas extension is in another unit than the period (rule data). */
  | { readonly reason: 'extension_unit'; readonly field: 'overseas'; readonly rule: string }
  /** A date before the event the period runs from (a legal-aid request, a date set by hand). */
  | {
      readonly reason: 'before_event';
      readonly field: 'legalAidRequestedOn' | 'due';
      readonly date: string;
      readonly event: Localized;
      readonly from: string;
    }
  /** The legal-aid decision before the request. */
  | { readonly reason: 'before_request'; readonly field: 'legalAidDecidedOn'; readonly date: string; readonly requested: string }
  /** Legal aid requested after the window in which it suspends the deadline: the deadline runs on (`end`, before any move past non-working days). */
  | {
      readonly reason: 'legal_aid_too_late';
      readonly field: 'legalAidRequestedOn';
      readonly requested: string;
      readonly days: number;
      readonly withinDays: number;
      readonly event: Localized;
      readonly from: string;
      readonly end: string;
    };

const RULE_ID = /^[a-z]{2}(\.[a-z0-9-]+){1,5}$/;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const REGION_SHAPE = /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/;

/** The value typed, when it has the shape of what was asked for (else null: never repeated). */
export function shownValue(kind: 'rule' | 'date' | 'region', value: string): string | null {
  const shape = kind === 'rule' ? RULE_ID : kind === 'date' ? DATE_SHAPE : REGION_SHAPE;
  return shape.test(value) ? value : null;
}

const quote = (value: string | null, language: ExplanationLanguage) => (value === null ? '' : language === 'ru' ? ` «${value}»` : ` "${value}"`);
const ruDays = (n: number) => `${n} ${russianPlural(n, 'день', 'дня', 'дней')}`;

function english(r: DeadlineRefusal): string {
  switch (r.reason) {
    case 'unknown_rule':
      return `unknown rule${quote(r.given, 'en')} (the rules: ${r.rules.join(', ')})`;
    case 'rule_without_period':
      return `rule ${r.rule} has no period`;
    case 'not_a_date':
      return r.given === null ? 'not a calendar date YYYY-MM-DD' : `not a calendar date YYYY-MM-DD: "${r.given}"`;
    case 'year_out_of_range':
      return `${r.date} is outside the years this calculator covers (${r.first}–${r.last})`;
    case 'unknown_region':
      return `${r.given === null ? 'that' : `"${r.given}"`} is not a holiday region of ${r.country} (${r.regions.join(', ')})`;
    case 'required':
      switch (r.field) {
        case 'from':
          return `required: the date ${r.event.en} (YYYY-MM-DD)`;
        case 'due':
          return 'required: the date the court or authority set (YYYY-MM-DD)';
        case 'legalAidRequestedOn':
          return 'required with legalAidDecidedOn: when legal aid was requested';
        default: {
          const unreachable: never = r;
          return unreachable;
        }
      }
    case 'only_manual':
      return r.field === 'due'
        ? `only a manual rule takes a due date; ${r.rule} counts from "from"`
        : `only a manual rule takes shift; ${r.rule} always moves past non-working days`;
    case 'not_for_manual':
      return `a manual rule takes only due, from, region and shift (${r.rule})`;
    case 'no_such_option':
      return r.field === 'overseas' ? `rule ${r.rule} has no overseas extension` : `rule ${r.rule} has no legal-aid suspension`;
    case 'extension_unit':
      return `the extension and the period of rule ${r.rule} are in different units`;
    case 'before_event':
      return r.field === 'due' ? `${r.date} is before the ${r.event.en} date ${r.from}` : `${r.date} is before ${r.event.en} ${r.from}`;
    case 'before_request':
      return `${r.date} is before the legal-aid request (${r.requested})`;
    case 'legal_aid_too_late':
      return `requested ${r.days} days after ${r.event.en} ${r.from}, later than ${r.withinDays} days: the request does not suspend the deadline, which stays ${r.end} (moved past non-working days: compute without the legal-aid dates)`;
    default: {
      const unreachable: never = r;
      return unreachable;
    }
  }
}

function russian(r: DeadlineRefusal): string {
  switch (r.reason) {
    case 'unknown_rule':
      return `нет такого правила${quote(r.given, 'ru')} (правила: ${r.rules.join(', ')})`;
    case 'rule_without_period':
      return `у правила ${r.rule} не указан срок`;
    case 'not_a_date':
      return r.given === null ? 'это не календарная дата ГГГГ-ММ-ДД' : `это не календарная дата ГГГГ-ММ-ДД: «${r.given}»`;
    case 'year_out_of_range':
      return `${r.date} — за пределами лет, которые охватывает калькулятор (${r.first}–${r.last})`;
    case 'unknown_region':
      return `${r.given === null ? 'это' : `«${r.given}»`} — не регион с календарём праздничных дней для ${r.country} (допустимы: ${r.regions.join(', ')})`;
    case 'required':
      switch (r.field) {
        case 'from':
          return `обязательное поле: ${r.event.ru} (ГГГГ-ММ-ДД)`;
        case 'due':
          return 'обязательное поле: дата, назначенная судом или ведомством (ГГГГ-ММ-ДД)';
        case 'legalAidRequestedOn':
          return 'обязательно вместе с legalAidDecidedOn: дата подачи ходатайства о юридической помощи';
        default: {
          const unreachable: never = r;
          return unreachable;
        }
      }
    case 'only_manual':
      return r.field === 'due'
        ? `дату, назначенную судом или ведомством (due), принимает только правило для сроков, назначенных вручную; ${r.rule} отсчитывает срок от «from»`
        : `перенос (shift) принимает только правило для сроков, назначенных вручную; ${r.rule} всегда переносит срок с нерабочих дней`;
    case 'not_for_manual':
      return `правило для сроков, назначенных вручную (${r.rule}), принимает только due, from, region и shift`;
    case 'no_such_option':
      return r.field === 'overseas'
        ? `у правила ${r.rule} нет дополнительного срока для заявителя, проживающего за пределами метрополии (délai de distance)`
        : `у правила ${r.rule} нет приостановления срока ходатайством о юридической помощи`;
    case 'extension_unit':
      return `дополнительный срок и основной срок правила ${r.rule} указаны в разных единицах`;
    case 'before_event':
      return `${r.date} — раньше, чем ${r.event.ru} (${r.from})`;
    case 'before_request':
      return `${r.date} — раньше подачи ходатайства о юридической помощи (${r.requested})`;
    case 'legal_aid_too_late':
      return `ходатайство подано через ${ruDays(r.days)} (${r.event.ru} — ${r.from}), позже ${r.withinDays} ${russianPlural(r.withinDays, 'дня', 'дней', 'дней')}: оно не приостанавливает срок, который по-прежнему истекает ${r.end} (с учётом переноса с нерабочих дней — рассчитайте срок без дат юридической помощи)`;
    default: {
      const unreachable: never = r;
      return unreachable;
    }
  }
}

/** The refusal as one sentence in `language`, starting with the field it concerns: "from: required: …", "from: обязательное поле: …". */
export function refusalIn(refusal: DeadlineRefusal, language: ExplanationLanguage): string {
  return `${refusal.field}: ${language === 'ru' ? russian(refusal) : english(refusal)}`;
}

/** Whether a value from outside (a problem answer's `refusal`) is a refusal this module can write (known reason and field). */
export function isDeadlineRefusal(value: unknown): value is DeadlineRefusal {
  if (typeof value !== 'object' || value === null) return false;
  const { reason, field } = value as { reason?: unknown; field?: unknown };
  return (
    typeof reason === 'string' &&
    (DEADLINE_REFUSAL_REASONS as readonly string[]).includes(reason) &&
    typeof field === 'string' &&
    (DEADLINE_FIELDS as readonly string[]).includes(field)
  );
}

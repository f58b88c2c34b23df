// The marketing API's own refusals in the user's language. problems.ts translates the platform's common field
// messages; these are deals-service's words about campaigns, offers, promo codes and contract documents. An
// English screen shows the server's words as they are.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useProblems } from '../../problems';

type Values = (match: RegExpExecArray) => Record<string, unknown>;

const MESSAGES: [RegExp, string, Values][] = [
  [/^is not a PDF, DOC, DOCX or ODT document$/, 'marketing.problem.documentType', () => ({})],
  [/^is missing or empty/, 'marketing.problem.documentEmpty', () => ({})],
  [/^is larger than (\d+) MB$/, 'marketing.problem.documentTooLarge', (m) => ({ mb: m[1] })],
  [/^is named by (\d+) leads and (\d+) deals/, 'marketing.problem.campaignInUse', (m) => ({ leads: m[1], deals: m[2] })],
  [/^is named by (\d+) leads, (\d+) deals and (\d+) promo codes/, 'marketing.problem.promotionInUse',
    (m) => ({ leads: m[1], deals: m[2], codes: m[3] })],
  [/^is carried by (\d+) deals/, 'marketing.problem.codeInUse', (m) => ({ deals: m[1] })],
  [/^is before startDate$/, 'marketing.problem.endBeforeStart', () => ({})],
  [/^is already a promo code of the company$/, 'marketing.problem.codeTaken', () => ({})],
  [/^may hold letters, digits/, 'marketing.problem.codeCharacters', () => ({})],
  [/^is required for (a percent|an amount) off$/, 'marketing.problem.valueRequired', () => ({})],
  [/^must be at most 100 \(percent\)$/, 'marketing.problem.percent', () => ({})],
  [/^must be a whole number of items paid for$/, 'marketing.problem.bundle', () => ({})],
  [/^must not be negative$/, 'marketing.problem.negative', () => ({})],
  [/^is required unless the code grants a promotion/, 'marketing.problem.mechanicRequired', () => ({})],
  [/^is not a product or service of the company$/, 'marketing.problem.product', () => ({})],
  [/^is required without a companyId/, 'marketing.problem.client', () => ({})],
  [/^is not a (promotion|deal|campaign)/, 'marketing.problem.unknown', () => ({})],
];

/** The form field a field of the API is shown on: both dates are the period, a product of a list is the list. */
export function formField(field: string): string {
  if (field === 'startDate' || field === 'endDate') return 'period';
  return field.replace(/\[\d+\]$/, '');
}

/** problems.ts's text and field, knowing the marketing API's own messages too. */
export function useMarketingProblems() {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const own = (message: string): string | null => {
    if (i18n.language.startsWith('en')) return null;
    for (const [pattern, key, values] of MESSAGES) {
      const match = pattern.exec(message);
      if (match) return t(key, values(match));
    }
    return null;
  };
  const field = (message: string) => own(message) ?? problems.field(message);
  return {
    field,
    /** The error as one line; a field's complaint this file knows is said in the user's language. */
    text: (error: unknown, labelOf?: (field: string) => string | undefined) => {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const localized = error.fieldErrors.map((f) => ({ field: f.field, message: own(f.message) ?? f.message }));
        return problems.text(new ApiError(error.status, error.type, error.message, localized, error.problem), labelOf);
      }
      return problems.text(error, labelOf);
    },
  };
}

// What a refused or failed request means, in the user's language. The services answer problem details in
// English: an English screen shows their own words (often more precise), a Russian or Ukrainian one says the
// same in its language: by the problem's type or status, and each field's complaint by its known wording.
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A server field message (Bean Validation's or the services' own) -> the key of ours that says it, and its values. */
const FIELD_MESSAGES: [RegExp, string, (match: RegExpExecArray) => Record<string, unknown>][] = [
  [/^must not be (blank|empty|null)$/, 'problem.field.required', () => ({})],
  [/^size must be between \d+ and (\d+)$/, 'problem.field.tooLong', (m) => ({ max: m[1] })],
  [/^must be at most (\d+) characters$/, 'problem.field.tooLong', (m) => ({ max: m[1] })],
  [/^is longer than (\d+) characters$/, 'problem.field.tooLong', (m) => ({ max: m[1] })],
  [/^must be a past date$/, 'problem.field.past', () => ({})],
  [/^is more than a year ahead$/, 'problem.field.tooFarAhead', () => ({})],
  [/^is not a valid phone number$/, 'problem.field.phone', () => ({})],
  [/^(is not a valid e-mail address|must be a well-formed email address)$/, 'problem.field.email', () => ({})],
  [/^is not a valid web address$/, 'problem.field.website', () => ({})],
  [/^only one \w+ can be the primary one$/, 'problem.field.onePrimary', () => ({})],
  [/^is given twice$/, 'problem.field.twice', () => ({})],
  [/^needs a kind and a value$/, 'problem.field.kindAndValue', () => ({})],
  [/^is not a valid tax number/, 'problem.field.taxId', () => ({})],
  [/^belongs to another company in the client base$/, 'problem.field.taxIdTaken', () => ({})],
  [/^is not an active user of the company$/, 'problem.field.inactiveUser', () => ({})],
  [/^must be a number$/, 'problem.field.number', () => ({})],
  [/^must be a date/, 'problem.field.date', () => ({})],
  [/^must be true or false$/, 'problem.field.boolean', () => ({})],
  [/^must be one of (.+)$/, 'problem.field.oneOf', (m) => ({ options: m[1] })],
  [/^is the name of another of your views$/, 'problem.field.viewNameTaken', () => ({})],
  [/^names no tag to add or remove$/, 'problem.field.noTags', () => ({})],
];

/**
 * A field's complaint in the user's language: the server's own words on an English screen, and on another when
 * the server said it in that language already (Bean Validation's messages follow Accept-Language).
 */
export function fieldProblemText(message: string, t: Translate, language: string): string {
  if (language.startsWith('en') || /[а-яёіїєґ]/i.test(message)) {
    return message;
  }
  for (const [pattern, key, values] of FIELD_MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return t(key, values(match));
    }
  }
  return t('problem.field.invalid');
}

/** What a problem's type or status means, when the server's words are not the user's language. */
function generalKey(error: ApiError): string {
  switch (error.type) {
    case '/problems/forbidden':
      return 'problem.forbidden';
    case '/problems/not-found':
      return 'problem.notFound';
    case '/problems/conflict':
      return 'problem.conflict';
    case '/problems/validation':
    case '/problems/malformed-request':
      return 'problem.invalid';
    case '/problems/unauthorized':
      return 'problem.signedOut';
    default:
      break;
  }
  if (error.status === 401) return 'problem.signedOut';
  if (error.status === 403) return 'problem.forbidden';
  if (error.status === 404) return 'problem.notFound';
  if (error.status === 409) return 'problem.conflict';
  if (error.status === 429) return 'problem.tooMany';
  if (error.status === 502 || error.status === 503 || error.status === 504) return 'problem.unavailable';
  if (error.status >= 500) return 'problem.server';
  return 'problem.refused';
}

/**
 * A failed request as one line for an alert or a message: each invalid field ("Tags: too long") when the
 * server named them, else what went wrong. `labelOf` names a field path in the user's language; a field it
 * does not know is left unnamed on a Russian or Ukrainian screen.
 */
export function problemText(error: unknown, t: Translate, language: string,
  labelOf: (field: string) => string | undefined = () => undefined): string {
  const english = language.startsWith('en');
  if (error instanceof ApiError) {
    if (error.fieldErrors.length > 0) {
      return error.fieldErrors.map((f) => {
        const label = labelOf(f.field) ?? (english ? f.field : undefined);
        const text = fieldProblemText(f.message, t, language);
        return label ? `${label}: ${text}` : text;
      }).join('; ');
    }
    return english && error.message ? error.message : t(generalKey(error));
  }
  // fetch itself failed: the network or the gateway is down
  if (error instanceof TypeError) {
    return t('problem.network');
  }
  return t('error.generic');
}

/** problemText and fieldProblemText in the current language. */
export function useProblems() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  return {
    text: (error: unknown, labelOf?: (field: string) => string | undefined) =>
      problemText(error, translate, i18n.language, labelOf),
    field: (message: string) => fieldProblemText(message, translate, i18n.language),
  };
}

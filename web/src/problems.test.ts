import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { messages } from './messages';
import { fieldProblemText, problemText } from './problems';

/** A translation function over the app's own texts, with {{value}} interpolation. */
const translator = (language: keyof typeof messages) => (key: string, values: Record<string, unknown> = {}) =>
  ((messages[language] as Record<string, string>)[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name]));

describe('problems', () => {
  const invalid = new ApiError(400, '/problems/validation', 'The request has invalid fields.', [
    { field: 'body', message: 'must not be blank' },
    { field: 'mentions[0]', message: 'is not an active user of the company' },
  ]);

  it('an English screen shows the server\'s words, each field named', () => {
    expect(problemText(invalid, translator('en'), 'en', (f) => (f === 'body' ? 'Comment' : undefined)))
      .toBe('Comment: must not be blank; mentions[0]: is not an active user of the company');
    expect(problemText(new ApiError(403, '/problems/forbidden', 'Your role does not allow this.'), translator('en'), 'en'))
      .toBe('Your role does not allow this.');
  });

  it('a Ukrainian screen says each known complaint in Ukrainian and leaves unknown field paths unnamed', () => {
    expect(problemText(invalid, translator('uk'), 'uk', (f) => (f === 'body' ? 'Коментар' : undefined)))
      .toBe('Коментар: обов’язкове поле; не активний користувач компанії');
  });

  it('a Russian screen names the problem by its type or status', () => {
    const ru = translator('ru');
    expect(problemText(new ApiError(403, '/problems/forbidden', 'Your role does not allow this.'), ru, 'ru'))
      .toBe(messages.ru['problem.forbidden']);
    expect(problemText(new ApiError(404, '/problems/not-found', 'Contact 1 was not found.'), ru, 'ru'))
      .toBe(messages.ru['problem.notFound']);
    expect(problemText(new ApiError(503, undefined, 'Service Unavailable'), ru, 'ru')).toBe(messages.ru['problem.unavailable']);
    expect(problemText(new ApiError(418, '/problems/teapot', 'I am a teapot'), ru, 'ru')).toBe(messages.ru['problem.refused']);
    expect(problemText(new TypeError('Failed to fetch'), ru, 'ru')).toBe(messages.ru['problem.network']);
  });

  it('field complaints with values keep them', () => {
    expect(fieldProblemText('size must be between 0 and 50', translator('uk'), 'uk')).toBe('задовге (не більше 50)');
    expect(fieldProblemText('must be one of Kyiv, Lviv', translator('ru'), 'ru')).toBe('должно быть одним из: Kyiv, Lviv');
    expect(fieldProblemText('something nobody foresaw', translator('ru'), 'ru')).toBe(messages.ru['problem.field.invalid']);
    expect(fieldProblemText('something nobody foresaw', translator('en'), 'en')).toBe('something nobody foresaw');
  });

  it('a complaint the server made in the user\'s language already (Accept-Language) is shown as it is', () => {
    expect(fieldProblemText('не може бути порожнім', translator('uk'), 'uk')).toBe('не може бути порожнім');
  });
});

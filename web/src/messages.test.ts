import { describe, expect, it } from 'vitest';
import { messages } from './messages';

describe('messages', () => {
  const english = Object.keys(messages.en).sort();

  it.each(['ru', 'uk'] as const)('%s has exactly the English keys', (language) => {
    expect(Object.keys(messages[language]).sort()).toEqual(english);
  });

  it.each(['en', 'ru', 'uk'] as const)('%s has no empty text', (language) => {
    for (const text of Object.values(messages[language])) {
      expect(text.trim()).not.toBe('');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { avatarColor, initials, photoPath, photoProblem } from './photo';

describe('photoProblem', () => {
  const MB = 1024 * 1024;

  it('takes a JPEG, PNG or GIF of up to 5 MB', () => {
    expect(photoProblem({ name: 'me.jpg', type: 'image/jpeg', size: 5 * MB })).toBeUndefined();
    expect(photoProblem({ name: 'me.png', type: 'image/png', size: 1000 })).toBeUndefined();
    expect(photoProblem({ name: 'me.gif', type: 'image/gif', size: 1000 })).toBeUndefined();
  });

  it('refuses another type, whatever the name says, and a larger file', () => {
    expect(photoProblem({ name: 'notes.jpg', type: 'text/plain', size: 100 })).toBe('type');
    expect(photoProblem({ name: 'me.webp', type: 'image/webp', size: 100 })).toBe('type');
    expect(photoProblem({ name: 'me.jpg', type: 'image/jpeg', size: 5 * MB + 1 })).toBe('size');
  });

  it('goes by the name when the browser does not know the type', () => {
    expect(photoProblem({ name: 'ME.JPEG', type: '', size: 100 })).toBeUndefined();
    expect(photoProblem({ name: 'me.heic', type: '', size: 100 })).toBe('type');
  });
});

describe('photoPath', () => {
  it('names the version, and the thumbnail when asked', () => {
    expect(photoPath('c1', 'ab_C-9')).toBe('/api/contacts/c1/photo?v=ab_C-9');
    expect(photoPath('c1', 'ab_C-9', true)).toBe('/api/contacts/c1/photo?size=thumb&v=ab_C-9');
  });
});

describe('initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('Shevchenko Taras Hryhorovych')).toBe('ST');
    expect(initials('олена')).toBe('О');
    expect(initials('  "Kobzar" Books ')).toBe('KB');
    expect(initials('')).toBe('');
  });
});

describe('avatarColor', () => {
  it('is the same for the same contact', () => {
    expect(avatarColor('0b9f6a2e')).toBe(avatarColor('0b9f6a2e'));
    expect(avatarColor('0b9f6a2e')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

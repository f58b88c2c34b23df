import { describe, expect, it } from 'vitest';
import { companyParams, newCompanyBody } from './model';

describe('companyParams', () => {
  it('sends only the filters in use, tags repeated, and always the sort', () => {
    expect(companyParams({ q: '  Kobzar ', owner: 'u-1', tags: ['wholesale', 'kyiv'], sort: 'name' }).toString())
      .toBe('q=Kobzar&owner=u-1&tag=wholesale&tag=kyiv&sort=name');
    expect(companyParams({ q: ' ', tags: [], sort: '-updatedAt' }).toString()).toBe('sort=-updatedAt');
  });

  it('adds the custom-field filters as cf.<key>, as the contact list does, for the list and the export alike', () => {
    expect(companyParams({ q: '', tags: [], sort: 'name', cf: { sector: 'retail', contract: 'PP-1', empty: '' } }).toString())
      .toBe('sort=name&cf.contract=PP-1&cf.sector=retail');
  });
});

describe('newCompanyBody', () => {
  it('trims, drops blanks, makes the owner the user unless chosen, and sends the website as the last point', () => {
    const { body, rowOf } = newCompanyBody({
      name: ' Kobzar Books ',
      taxId: ' ',
      industry: 'Publishing',
      website: 'kobzar.example',
      points: [{ kind: 'PHONE', value: '', primary: true }, { kind: 'EMAIL', value: 'office@kobzar.example', primary: true }],
    }, { id: 'me' });
    expect(body).toEqual({
      name: 'Kobzar Books',
      taxId: undefined,
      industry: 'Publishing',
      ownerId: 'me',
      tags: [],
      points: [
        { kind: 'EMAIL', label: null, value: 'office@kobzar.example', primary: true },
        { kind: 'WEBSITE', label: null, value: 'kobzar.example', primary: true },
      ],
    });
    expect(rowOf).toEqual([1, -1]);
  });

  it('sends a chosen owner, and never none: a company created without an owner is its creator\'s', () => {
    expect(newCompanyBody({ name: 'Kobzar', ownerId: 'u-2' }, { id: 'me' }).body.ownerId).toBe('u-2');
    expect(newCompanyBody({ name: 'Kobzar', ownerId: null }, { id: 'me' }).body.ownerId).toBe('me');
  });

  it('keeps a website typed among the points the primary one', () => {
    const { body } = newCompanyBody({
      name: 'Kobzar', website: 'b.example',
      points: [{ kind: 'WEBSITE', value: 'a.example', primary: true }],
    }, { id: 'me' });
    expect((body.points as { primary: boolean }[]).map((p) => p.primary)).toEqual([true, false]);
  });
});

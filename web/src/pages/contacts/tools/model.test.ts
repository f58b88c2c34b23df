import { describe, expect, it } from 'vitest';
import { messages } from '../../../messages';
import {
  customValueText, fileNameOf, filtersOfView, IMPORT_CARDS, importApi, importPath, importPercent, initialMapping, listPath,
  mappingErrors, mappingRequest, parseCsv, rejectedReport, sameQuery, sampleValues, toolParams, viewQuery, type ToolFilters,
} from './model';

const me = { id: 'me-1' };
const none: ToolFilters = { q: '', tags: [], owner: 'anyone', cf: {} };

describe('toolParams', () => {
  it('adds each custom-field filter as cf.<key>, leaving empty ones out', () => {
    const params = toolParams({ ...none, status: 'LEAD', cf: { region: 'Kyiv', size: '', loyal: 'true' } }, me);
    expect(params.toString()).toBe('status=LEAD&sort=-updatedAt&cf.loyal=true&cf.region=Kyiv');
  });
});

describe('saved views', () => {
  const filters: ToolFilters = {
    q: 'kovalenko', status: 'ACTIVE', vip: false, tags: ['wholesale', 'kyiv'], source: 'Facebook Ads', owner: 'mine',
    sort: 'name', cf: { region: 'Lviv' },
  };

  it('keep the list parameters, repeated tags as a list and flags as booleans', () => {
    expect(viewQuery(filters, me)).toEqual({
      q: 'kovalenko', status: 'ACTIVE', vip: false, tag: ['wholesale', 'kyiv'], source: 'Facebook Ads', owner: 'me-1',
      sort: 'name', 'cf.region': 'Lviv',
    });
  });

  it('give back the filters they were saved from', () => {
    expect(filtersOfView(viewQuery(filters, me), me)).toEqual(filters);
    expect(filtersOfView(viewQuery({ ...none, owner: 'unassigned' }, me), me)).toEqual({ ...none, owner: 'unassigned' });
  });

  it('leave the default order unchosen, so that it follows the search', () => {
    expect(filtersOfView(viewQuery(none, me), me).sort).toBeUndefined();
    expect(filtersOfView(viewQuery({ ...none, q: 'x' }, me), me).sort).toBeUndefined();
  });

  it('match the filters they were saved from, whatever the order of keys', () => {
    expect(sameQuery({ vip: true, sort: 'name' }, viewQuery({ ...none, vip: true, sort: 'name' }, me))).toBe(true);
    expect(sameQuery({ vip: true }, viewQuery({ ...none, vip: true, sort: 'name' }, me))).toBe(false);
  });

  it('drop what the list does not know and read a single tag', () => {
    expect(filtersOfView({ status: 'GONE', sort: 'shoeSize', tag: 'vip', owner: 'someone-else', vip: 'true' }, me))
      .toEqual({ ...none, tags: ['vip'], vip: true });
  });
});

describe('the import mapping', () => {
  const columns = [
    { index: 0, name: 'ПІБ', suggestedField: 'fullName' },
    { index: 1, name: 'Телефон', suggestedField: 'phone' },
    { index: 2, name: 'Notes?', suggestedField: null },
    { index: 3, name: 'Регіон', suggestedField: 'customFields.region' },
  ];

  it('starts from the suggestion, or from the mapping an import was started with', () => {
    expect(initialMapping({ columns, mapping: null })).toEqual({ 0: 'fullName', 1: 'phone', 2: undefined, 3: 'customFields.region' });
    expect(initialMapping({ columns, mapping: [{ column: 2, field: 'notes' }] })).toEqual({ 2: 'notes' });
  });

  it('sends the mapped columns in the file order', () => {
    expect(mappingRequest({ 3: 'customFields.region', 0: 'fullName', 2: undefined, 1: 'phone' })).toEqual([
      { column: 0, field: 'fullName' }, { column: 1, field: 'phone' }, { column: 3, field: 'customFields.region' },
    ]);
  });

  it('places the server complaints on the columns they are about', () => {
    const sent = [{ column: 1, field: 'phone' }, { column: 3, field: 'phone' }];
    expect(mappingErrors([
      { field: 'mapping', message: 'map a column to firstName' },
      { field: 'mapping[1].field', message: 'is not a field' },
      { field: 'mapping[1].column', message: 'is mapped twice' },
    ], sent)).toEqual({ byColumn: { 3: 'is not a field; is mapped twice' }, general: ['map a column to firstName'] });
  });

  it('shows a few non-empty samples of a column', () => {
    expect(sampleValues([['a', ''], ['b', ' '], ['c', 'x'], ['d', 'y'], ['e', 'z'], ['f', 'w']], 1)).toEqual(['x', 'y', 'z']);
    expect(sampleValues([['a']], 4)).toEqual([]);
  });

  it('counts progress by the rows read', () => {
    expect(importPercent({ status: 'RUNNING', rowsRead: 50, totalRows: 200 })).toBe(25);
    expect(importPercent({ status: 'RUNNING', rowsRead: 200, totalRows: 200 })).toBe(99);
    expect(importPercent({ status: 'COMPLETED', rowsRead: 200, totalRows: 200 })).toBe(100);
    expect(importPercent({ status: 'UPLOADED', rowsRead: 0, totalRows: 0 })).toBe(0);
  });
});

describe('CSV', () => {
  it('reads quotes, doubled quotes, commas and line breaks in cells, and CRLF', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n"two\nlines",,x\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"'], ['two\nlines', '', 'x'],
    ]);
    expect(parseCsv('last,row')).toEqual([['last', 'row']]);
  });

  it('reads the report of refused rows', () => {
    const report = rejectedReport('\uFEFFRow,Reasons,Name,Регіон\r\n4,"Регіон: must be one of Kyiv, Lviv; Name: must not be blank",,Atlantis\r\n');
    expect(report).toEqual({
      columns: ['Name', 'Регіон'],
      rows: [{ row: 4, reasons: ['Регіон: must be one of Kyiv, Lviv', 'Name: must not be blank'], cells: ['', 'Atlantis'] }],
    });
  });
});

describe('fileNameOf', () => {
  it('prefers the encoded name, then the plain one, then the fallback', () => {
    expect(fileNameOf('attachment; filename="contacts-2025.csv"; filename*=UTF-8\'\'%D0%BA%D0%BE%D0%BD.csv', 'x')).toBe('кон.csv');
    expect(fileNameOf('attachment; filename="contacts-2025.csv"', 'x')).toBe('contacts-2025.csv');
    expect(fileNameOf('attachment; filename=plain.xlsx', 'x')).toBe('plain.xlsx');
    expect(fileNameOf(null, 'contacts.csv')).toBe('contacts.csv');
  });
});

describe('customValueText', () => {
  it('shows lists, flags and numbers', () => {
    expect(customValueText(['a', 'b'], 'yes', 'no')).toBe('a, b');
    expect(customValueText(false, 'yes', 'no')).toBe('no');
    expect(customValueText(12.5, 'yes', 'no')).toBe('12.5');
    expect(customValueText(null, 'yes', 'no')).toBe('');
  });
});

describe('the import of each kind of card', () => {
  it('talks to its own import API and comes back to its own list', () => {
    expect(importApi('contacts')).toBe('/api/contacts/imports');
    expect(importApi('companies')).toBe('/api/companies/imports');
    expect(listPath('companies')).toBe('/companies');
    expect(importPath('companies')).toBe('/companies/import');
  });

  it.each(['contacts', 'companies'] as const)('names every %s field and every text in each language', (card) => {
    const { fields, target, text } = IMPORT_CARDS[card];
    const keys = [
      ...fields.map((field) => `${target}${field}`),
      text.title, text.back, text.toList, text.writing,
      ...['SKIP', 'UPDATE', 'CREATE'].map((d) => `${text.duplicatesHelp}${d}.help`),
    ];
    for (const language of ['en', 'ru', 'uk'] as const) {
      const known = messages[language] as Record<string, string>;
      expect(keys.filter((key) => !(key in known))).toEqual([]);
    }
  });
});

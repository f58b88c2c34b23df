// The shapes of the contact list's tools in contacts-service (imports, custom fields, saved views) and the
// pure rules the screens share: a saved view <-> the list's filters, an import's mapping <-> its request,
// reading the CSV report of refused rows.
import type { Me } from '../../../api';
import { effectiveSort, listParams, SORTS, STATUSES, type ContactStatus, type ListFilters, type Sort } from '../model';

// ---- custom fields (customfield.CustomFields) ----

export const FIELD_TYPES = ['TEXT', 'NUMBER', 'DATE', 'SELECT', 'MULTI_SELECT', 'BOOLEAN'] as const;
export const CARD_TYPES = ['CONTACT', 'COMPANY'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export type CardType = (typeof CARD_TYPES)[number];

export interface CustomFieldDefinition {
  id: string;
  entity: CardType;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
}

/** Whether the field's values are picked among its options. */
export const isChoice = (type: FieldType) => type === 'SELECT' || type === 'MULTI_SELECT';

/** A custom field's value as the card and the list show it. */
export function customValueText(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? yes : no;
  return String(value);
}

// ---- the list's filters, custom-field filters and saved views ----

/** The list's filters with the custom-field ones: `cf.<key>=<value>` each. */
export interface ToolFilters extends ListFilters {
  cf: Record<string, string>;
}

/** Adds the custom-field filters to a list's query parameters as `cf.<key>`, in the order of their keys, empty ones left out. */
export function addCustomFieldParams(params: URLSearchParams, cf: Record<string, string>): URLSearchParams {
  Object.entries(cf)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .forEach(([key, value]) => params.set(`cf.${key}`, value));
  return params;
}

/** The query parameters of the list, its count and its export: the list's own plus `cf.<key>`. */
export function toolParams(filters: ToolFilters, me: Pick<Me, 'id'>): URLSearchParams {
  return addCustomFieldParams(listParams(filters, me), filters.cf);
}

/** A saved view's query: the parameters the list sends, the repeated `tag` as a list, flags as booleans. */
export type ViewQuery = Record<string, string | boolean | string[]>;

export interface SavedView {
  id: string;
  list: 'contacts' | 'companies';
  name: string;
  query: ViewQuery;
  createdAt: string;
}

export function viewQuery(filters: ToolFilters, me: Pick<Me, 'id'>): ViewQuery {
  const query: ViewQuery = {};
  for (const [name, value] of toolParams(filters, me)) {
    if (name === 'tag') {
      query.tag = [...((query.tag as string[] | undefined) ?? []), value];
    } else if (name === 'vip' || name === 'unassigned') {
      query[name] = value === 'true';
    } else {
      query[name] = value;
    }
  }
  return query;
}

/** Whether two view queries ask the same (the order of keys aside). */
export function sameQuery(a: ViewQuery, b: ViewQuery): boolean {
  const canonical = (q: ViewQuery) => JSON.stringify(Object.keys(q).sort().map((k) => [k, q[k]]));
  return canonical(a) === canonical(b);
}

/** The filters a saved view stands for; what the list no longer knows (a status, a sort) is left out. */
export function filtersOfView(query: ViewQuery, me: Pick<Me, 'id'>): ToolFilters {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const status = text('status');
  const sort = text('sort');
  const tags = Array.isArray(query.tag) ? query.tag.map(String) : typeof query.tag === 'string' ? [query.tag] : [];
  const flag = (name: string) => (query[name] === true || query[name] === 'true' ? true
    : query[name] === false || query[name] === 'false' ? false : undefined);
  const cf: Record<string, string> = {};
  Object.entries(query).forEach(([name, value]) => {
    if (name.startsWith('cf.') && (typeof value === 'string' || typeof value === 'boolean')) cf[name.slice(3)] = String(value);
  });
  const q = text('q') ?? '';
  const known = sort && (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : undefined;
  return {
    q,
    status: status && (STATUSES as readonly string[]).includes(status) ? (status as ContactStatus) : undefined,
    vip: flag('vip'),
    tags,
    source: text('source'),
    owner: flag('unassigned') ? 'unassigned' : text('owner') === me.id ? 'mine' : 'anyone',
    // the default order is kept as "no choice", so that it follows the search as the list's own default does
    sort: known && known !== effectiveSort(undefined, q) ? known : undefined,
    cf,
  };
}

// ---- imports (importing.ImportRequests) ----

export const DUPLICATE_POLICIES = ['SKIP', 'UPDATE', 'CREATE'] as const;
export type Duplicates = (typeof DUPLICATE_POLICIES)[number];
export type ImportStatus = 'UPLOADED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
export type ImportStage = 'READING' | 'MATCHING' | 'WRITING' | 'ANNOUNCING' | 'DONE';

export interface MappedColumn {
  column: number;
  field: string;
}

export interface ImportView {
  id: string;
  fileName: string;
  format: 'CSV' | 'XLSX';
  size: number;
  status: ImportStatus;
  stage: ImportStage | null;
  totalRows: number;
  rowsRead: number;
  counts: { created: number; updated: number; skipped: number; rejected: number };
  announced: number;
  duplicates: Duplicates | null;
  cancelRequested: boolean;
  failure: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  columns: { index: number; name: string; suggestedField: string | null }[];
  preview: string[][];
  mapping: MappedColumn[] | null;
  fields: { field: string; label: string }[];
}

/** The card's own fields a column can fill (importing.ContactField); custom fields are `customFields.<key>`. */
export const CONTACT_FIELDS = ['lastName', 'firstName', 'middleName', 'fullName', 'fullNameFirstLast', 'phone', 'email',
  'address', 'website', 'position', 'status', 'source', 'tags', 'notes', 'birthDate', 'vip'] as const;
/** The company card's own fields a column can fill (importing.CompanyField); `owner` takes a user's id or name. */
export const COMPANY_FIELDS = ['name', 'taxId', 'industry', 'phone', 'email', 'address', 'website', 'tags', 'notes',
  'owner'] as const;
export const CUSTOM_PREFIX = 'customFields.';

/** The kinds of card a file can be imported as: the path of the list and of the import API both start with it. */
export type ImportCard = 'contacts' | 'companies';

/**
 * What differs between a contact import and a company import: where the API and the list are, which fields are
 * the card's own, and the message keys of the texts that name the kind of card (the rest are shared).
 */
export const IMPORT_CARDS = {
  contacts: {
    fields: CONTACT_FIELDS as readonly string[],
    target: 'contactTools.target.',
    text: {
      title: 'contactTools.import.title',
      back: 'contacts.back',
      toList: 'contactTools.import.toContacts',
      writing: 'contactTools.import.stage.WRITING',
      duplicatesHelp: 'contactTools.import.duplicates.',
    },
  },
  companies: {
    fields: COMPANY_FIELDS as readonly string[],
    target: 'companies.import.target.',
    text: {
      title: 'companies.import.title',
      back: 'companies.back',
      toList: 'companies.import.toList',
      writing: 'companies.import.stage.WRITING',
      duplicatesHelp: 'companies.import.duplicates.',
    },
  },
} as const;

/** The import API of a kind of card, and the list it fills. */
export const importApi = (card: ImportCard) => `/api/${card}/imports`;
export const listPath = (card: ImportCard) => `/${card}`;
export const importPath = (card: ImportCard) => `/${card}/import`;

/** Which field each column fills, by column index: the import's own mapping once started, else the suggestion. */
export function initialMapping(view: Pick<ImportView, 'columns' | 'mapping'>): Record<number, string | undefined> {
  if (view.mapping && view.mapping.length > 0) {
    return Object.fromEntries(view.mapping.map((m) => [m.column, m.field]));
  }
  return Object.fromEntries(view.columns.map((c) => [c.index, c.suggestedField ?? undefined]));
}

/** The mapping as the start request takes it: the mapped columns in the file's order. */
export function mappingRequest(mapping: Record<number, string | undefined>): MappedColumn[] {
  return Object.entries(mapping)
    .filter((entry): entry is [string, string] => !!entry[1])
    .map(([column, field]) => ({ column: Number(column), field }))
    .sort((a, b) => a.column - b.column);
}

/** The server's complaints about a start request, by column index ("mapping[2].field" -> the third sent's column) and overall. */
export function mappingErrors(errors: { field: string; message: string }[], sent: MappedColumn[]):
  { byColumn: Record<number, string>; general: string[] } {
  const byColumn: Record<number, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const match = /^mapping\[(\d+)\]/.exec(error.field);
    const entry = match ? sent[Number(match[1])] : undefined;
    if (entry) {
      byColumn[entry.column] = byColumn[entry.column] ? `${byColumn[entry.column]}; ${error.message}` : error.message;
    } else {
      general.push(error.message);
    }
  }
  return { byColumn, general };
}

/** The first few non-empty values of a column in the file's preview. */
export function sampleValues(preview: string[][], column: number, count = 3): string[] {
  return preview.map((row) => row[column] ?? '').filter((value) => value.trim() !== '').slice(0, count);
}

export const importRunning = (status: ImportStatus) => status === 'RUNNING';

/** How far a running import is, 0..100: reading counts most; writing and announcing finish it. */
export function importPercent(view: Pick<ImportView, 'status' | 'rowsRead' | 'totalRows'>): number {
  if (view.status === 'COMPLETED') return 100;
  if (view.totalRows <= 0) return 0;
  return Math.min(99, Math.floor((view.rowsRead / view.totalRows) * 100));
}

// ---- files ----

/** CSV text (RFC 4180; a leading byte order mark is dropped) as rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A row the import refused: its number in the file, why, and its cells under the file's headers. */
export interface RejectedRow {
  row: number;
  reasons: string[];
  cells: string[];
}

/** The report of refused rows (a CSV of "Row", "Reasons" joined by "; ", then the file's columns). */
export function rejectedReport(csv: string): { columns: string[]; rows: RejectedRow[] } {
  const [header = [], ...records] = parseCsv(csv);
  return {
    columns: header.slice(2),
    rows: records.filter((r) => r.length >= 2).map((r) => ({
      row: Number(r[0]),
      reasons: r[1].split('; ').filter((reason) => reason !== ''),
      cells: r.slice(2),
    })),
  };
}

/** The file name a Content-Disposition header gives (RFC 6266: filename* first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a broken encoding falls through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(disposition);
  return plain?.[1] ?? plain?.[2] ?? fallback;
}

/** Hands a downloaded file to the browser as a download of that name. */
export function saveFile(blob: Blob, name: string): void {
  const address = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = address;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click is handled
  setTimeout(() => URL.revokeObjectURL(address), 10_000);
}

// The contacts API's shapes (contacts-service: ContactView, ContactSummary, ContactPage, Change) and the rules
// the screens share: who may do what, how the list asks, how a form's rows meet the server's field paths.
import type { Me } from '../../api';

export const STATUSES = ['LEAD', 'ACTIVE', 'FORMER'] as const;
export const KINDS = ['PERSON', 'LEGAL_ENTITY'] as const;
export const POINT_KINDS = ['PHONE', 'EMAIL', 'MESSENGER', 'SOCIAL', 'ADDRESS', 'WEBSITE'] as const;
/** How an interaction with a client happened (timeline entries). */
export const CHANNELS = ['CALL', 'EMAIL', 'MEETING', 'MESSAGE', 'CHAT', 'SMS', 'ORDER', 'DEAL', 'TASK', 'NOTE', 'OTHER'] as const;
export const LINK_TYPES = ['DEAL', 'TASK', 'ORDER', 'PROJECT', 'DOCUMENT'] as const;
export const SORTS = ['relevance', '-updatedAt', '-createdAt', 'createdAt', 'name', '-name'] as const;

export type ContactStatus = (typeof STATUSES)[number];
export type ContactKind = (typeof KINDS)[number];
export type PointKind = (typeof POINT_KINDS)[number];
export type Sort = (typeof SORTS)[number];
export type Channel = (typeof CHANNELS)[number];

export const STATUS_COLORS: Record<ContactStatus, string> = { LEAD: 'blue', ACTIVE: 'green', FORMER: 'default' };

/**
 * Which kind of card a shared tab (history, timeline, comments) or the in-place editing serves: the API's path
 * segment (`/api/contacts/{id}`, `/api/companies/{id}`).
 */
export type CardKind = 'contacts' | 'companies';
/** The query cache's key of a card: ['contact', id] or ['company', id]; its tabs' keys start with it. */
export const cardKey = (card: CardKind, id: string) => [card === 'contacts' ? 'contact' : 'company', id];

/** One way to reach a contact, as the card shows it and as create and PATCH take it. */
export interface Point {
  kind: PointKind;
  label: string | null;
  value: string;
  primary: boolean;
}

/** A row of the list. */
export interface ContactSummary {
  id: string;
  displayName: string;
  kind: ContactKind;
  status: ContactStatus;
  vip: boolean;
  ownerId: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  source: string | null;
  createdAt: string;
  updatedAt: string;
  /** Names the photo (its thumbnail is fetched only for rows with one); null: none. */
  photoVersion: string | null;
}

export interface ContactPage {
  items: ContactSummary[];
  nextCursor: string | null;
}

/** The whole card. */
export interface Contact {
  id: string;
  kind: ContactKind;
  firstName: string;
  middleName: string | null;
  lastName: string | null;
  displayName: string;
  birthDate: string | null;
  position: string | null;
  ownerId: string | null;
  vip: boolean;
  source: string | null;
  status: ContactStatus;
  tags: string[];
  newsConsent: boolean;
  paymentPreference: string | null;
  deliveryPreference: string | null;
  notes: string | null;
  /** Values of the custom fields an administrator defined, by key. */
  customFields: Record<string, unknown>;
  points: Point[];
  email: string | null;
  phone: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Names the card's photo, and changes with every new one; null: none. */
  photoVersion: string | null;
}

/** One entry of a card's history, newest first; {@code from} is null on a new card. */
export interface Change {
  revision: number;
  at: string;
  actorId: string | null;
  action: 'CREATED' | 'UPDATED' | 'DELETED';
  fields: { field: string; from: unknown; to: unknown }[];
}

/** A contact a new one may duplicate; id and name are null when it is a colleague's the user may not see. */
export interface Duplicate {
  id: string | null;
  displayName: string | null;
  matchedOn: string;
  value: string;
}

export const POSSIBLE_DUPLICATE = '/problems/possible-duplicate';
export const CONFLICT = '/problems/conflict';

// ---- roles (contacts-service access.Visibility) ----

export const worksWithContacts = (role: Me['role']) => role !== 'DEVELOPER';
/** MARKETER reads contacts but does not change them. */
export const changesContacts = (role: Me['role']) => worksWithContacts(role) && role !== 'MARKETER';
/** MANAGER and OPERATOR see only their own and unassigned contacts; the others see colleagues' too. */
export const seesOthersContacts = (role: Me['role']) => role === 'ADMIN' || role === 'MARKETER' || role === 'SUPERVISOR';

/** A member of staff, from the identity directory. */
export interface StaffMember {
  id: string;
  firstName: string;
  lastName: string | null;
  role: Me['role'];
  departmentId: string | null;
  status: 'ACTIVE' | 'DEACTIVATED' | 'INVITED';
}

export const fullName = (u: { firstName: string; lastName: string | null }) => `${u.firstName} ${u.lastName ?? ''}`.trim();

/** The departments under a department, and itself (a SUPERVISOR's reach). */
export function departmentSubtree(root: string | null, departments: { id: string; parentId: string | null }[]): Set<string> {
  const reach = new Set<string>(root ? [root] : []);
  let grown = reach.size > 0;
  while (grown) {
    grown = false;
    for (const d of departments) {
      if (d.parentId && reach.has(d.parentId) && !reach.has(d.id)) {
        reach.add(d.id);
        grown = true;
      }
    }
  }
  return reach;
}

/**
 * Whom the user may hand a contact to (besides nobody): ADMIN anyone active, SUPERVISOR the active members
 * of their department and the departments under it, everyone else only themselves.
 */
export function assignableOwners(me: Me, staff: StaffMember[],
  departments: { id: string; parentId: string | null }[] = []): StaffMember[] {
  const active = staff.filter((u) => u.status === 'ACTIVE');
  if (me.role === 'ADMIN') {
    return active;
  }
  if (me.role === 'SUPERVISOR') {
    const reach = departmentSubtree(me.departmentId, departments);
    return active.filter((u) => u.id === me.id || (u.departmentId !== null && reach.has(u.departmentId)));
  }
  return active.filter((u) => u.id === me.id);
}

// ---- the list's query ----

export type OwnerFilter = 'anyone' | 'mine' | 'unassigned';

export interface ListFilters {
  q: string;
  status?: ContactStatus;
  vip?: boolean;
  tags: string[];
  /** The source exactly as cards hold it. */
  source?: string;
  owner: OwnerFilter;
  sort?: Sort;
}

/** The sort the list uses: the chosen one, or the server's default (best match when searching, else newest change). */
export function effectiveSort(sort: Sort | undefined, q: string): Sort {
  const searching = q.trim() !== '';
  if (!sort || (sort === 'relevance' && !searching)) {
    return searching ? 'relevance' : '-updatedAt';
  }
  return sort;
}

/** The filters as the list's and the count's query parameters (the count ignores sort). */
export function listParams(filters: ListFilters, me: Pick<Me, 'id'>): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.status) params.set('status', filters.status);
  if (filters.vip !== undefined) params.set('vip', String(filters.vip));
  filters.tags.forEach((tag) => params.append('tag', tag));
  if (filters.source?.trim()) params.set('source', filters.source.trim());
  if (filters.owner === 'mine') params.set('owner', me.id);
  if (filters.owner === 'unassigned') params.set('unassigned', 'true');
  params.set('sort', effectiveSort(filters.sort, filters.q));
  return params;
}

// ---- the contact points editor ----

/** A row of the points editor; blank rows are left out when the form is sent. */
export interface PointRow {
  kind?: PointKind;
  label?: string | null;
  value?: string | null;
  primary?: boolean;
}

/** The rows worth sending, and for each sent point the editor row it came from (to place the server's errors). */
export function toPointInputs(rows: PointRow[]): { points: Point[]; rowOf: number[] } {
  const points: Point[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, index) => {
    const value = row.value?.trim() ?? '';
    if (!row.kind || value === '') {
      return;
    }
    const label = row.label?.trim() ?? '';
    points.push({ kind: row.kind, label: label === '' ? null : label, value, primary: !!row.primary });
    rowOf.push(index);
  });
  return { points, rowOf };
}

/**
 * A server field path as an antd form name: `firstName` -> ['firstName'], `points[1].value` -> ['points', 3,
 * 'value'] when the second point sent came from the fourth row; `points[1]` (a point without kind or value)
 * lands on that row's value.
 */
export function formPath(field: string, rowOf: number[] = []): (string | number)[] {
  const point = /^points\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (point) {
    const sent = Number(point[1]);
    return ['points', rowOf[sent] ?? sent, point[2] ?? 'value'];
  }
  return field.split('.');
}

/** A point as the history stores it ("PHONE (work): +380 67 123 4567 *"), or null for any other text. */
export function parseHistoryPoint(text: string): Point | null {
  const match = /^(PHONE|EMAIL|MESSENGER|SOCIAL|ADDRESS|WEBSITE)(?: \((.*?)\))?: (.*?)( \*)?$/s.exec(text);
  return match ? { kind: match[1] as PointKind, label: match[2] ?? null, value: match[3], primary: !!match[4] } : null;
}

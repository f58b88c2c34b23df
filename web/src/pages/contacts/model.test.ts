import { describe, expect, it } from 'vitest';
import type { Me } from '../../api';
import { messages } from '../../messages';
import {
  assignableOwners, CHANNELS, effectiveSort, formPath, KINDS, LINK_TYPES, listParams, parseHistoryPoint, POINT_KINDS, SORTS, STATUSES, toPointInputs,
  type StaffMember,
} from './model';

const me = (role: Me['role'], departmentId: string | null = 'sales'): Me => ({
  id: 'me', email: 'me@example.com', firstName: 'Me', lastName: null, patronymic: null, role, departmentId,
  company: { id: 'c', name: 'C' },
});
const member = (id: string, departmentId: string | null, status: StaffMember['status'] = 'ACTIVE'): StaffMember => ({
  id, firstName: id, lastName: null, role: 'MANAGER', departmentId, status,
});
const staff = [member('me', 'sales'), member('olga', 'sales'), member('ivan', 'support'), member('gone', 'sales', 'DEACTIVATED'),
  member('taras', 'retail')];
const departments = [{ id: 'sales', parentId: null }, { id: 'retail', parentId: 'sales' }, { id: 'support', parentId: null }];

describe('the list query', () => {
  it('sends only the filters that are set, tags repeated, and the sort the list shows', () => {
    const params = listParams({ q: '  067 123-45-67 ', status: 'LEAD', vip: false, tags: ['poet', 'kyiv'], owner: 'mine' }, { id: 'me' });
    expect(params.toString()).toBe('q=067+123-45-67&status=LEAD&vip=false&tag=poet&tag=kyiv&owner=me&sort=relevance');
    expect(listParams({ q: '', tags: [], owner: 'unassigned' }, { id: 'me' }).toString()).toBe('unassigned=true&sort=-updatedAt');
  });

  it('never asks for relevance without a search', () => {
    expect(effectiveSort('relevance', ' ')).toBe('-updatedAt');
    expect(effectiveSort(undefined, 'taras')).toBe('relevance');
    expect(effectiveSort('name', 'taras')).toBe('name');
  });
});

describe('owners one may hand a contact to', () => {
  it('is anyone active for an administrator, the department and those under it for a supervisor, oneself for the rest', () => {
    expect(assignableOwners(me('ADMIN'), staff).map((u) => u.id)).toEqual(['me', 'olga', 'ivan', 'taras']);
    expect(assignableOwners(me('SUPERVISOR'), staff, departments).map((u) => u.id)).toEqual(['me', 'olga', 'taras']);
    expect(assignableOwners(me('SUPERVISOR', null), staff, departments).map((u) => u.id)).toEqual(['me']);
    expect(assignableOwners(me('MANAGER'), staff).map((u) => u.id)).toEqual(['me']);
  });
});

describe('contact points and the server\'s field errors', () => {
  it('leaves blank rows out and remembers where each sent point came from', () => {
    const { points, rowOf } = toPointInputs([
      { kind: 'PHONE', value: ' ', primary: true },
      { kind: 'EMAIL', value: ' a@b.example ', label: ' ', primary: true },
      { kind: 'PHONE', value: '067 123 45 67', label: 'work' },
    ]);
    expect(points).toEqual([
      { kind: 'EMAIL', label: null, value: 'a@b.example', primary: true },
      { kind: 'PHONE', label: 'work', value: '067 123 45 67', primary: false },
    ]);
    expect(rowOf).toEqual([1, 2]);
  });

  it('places an error of a sent point on the row it came from', () => {
    expect(formPath('points[1].value', [1, 2])).toEqual(['points', 2, 'value']);
    expect(formPath('points[0].primary', [1, 2])).toEqual(['points', 1, 'primary']);
    expect(formPath('points[0]', [3])).toEqual(['points', 3, 'value']);
    expect(formPath('firstName')).toEqual(['firstName']);
  });

  it('reads a point as the history keeps it', () => {
    expect(parseHistoryPoint('PHONE (work): +380 67 123 4567 *'))
      .toEqual({ kind: 'PHONE', label: 'work', value: '+380 67 123 4567', primary: true });
    expect(parseHistoryPoint('EMAIL: a@b.example')).toEqual({ kind: 'EMAIL', label: null, value: 'a@b.example', primary: false });
    expect(parseHistoryPoint('something else')).toBeNull();
  });
});

describe('texts the screens build from values', () => {
  const english = messages.en as Record<string, string>;
  // the fields contacts-service names in a card's history (ContactController.historyFields)
  const historyFields = ['kind', 'lastName', 'firstName', 'middleName', 'birthDate', 'position', 'status', 'ownerId', 'vip',
    'source', 'tags', 'points', 'newsConsent', 'paymentPreference', 'deliveryPreference', 'notes', 'customFields'];

  it('exist for every status, kind, point kind, sort, owner filter, history action, history field, channel and link', () => {
    const keys = [
      ...STATUSES.map((s) => `contacts.status.${s}`),
      ...KINDS.map((k) => `contacts.kind.${k}`),
      ...POINT_KINDS.map((k) => `contacts.pointKind.${k}`),
      ...SORTS.map((s) => `contacts.sort.${s}`),
      ...['anyone', 'mine', 'unassigned'].map((o) => `contacts.filter.owner.${o}`),
      ...['CREATED', 'UPDATED', 'DELETED'].map((a) => `contacts.history.${a}`),
      ...historyFields.map((f) => `contacts.field.${f}`),
      ...CHANNELS.map((c) => `contacts.channel.${c}`),
      ...LINK_TYPES.map((l) => `contacts.linkType.${l}`),
    ];
    expect(keys.filter((key) => !(key in english))).toEqual([]);
  });
});

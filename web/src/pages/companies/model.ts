// The company API's shapes (contacts-service: CompanySummary, CompanySearch.Page, CompanyView, Members) and the
// rules the company screens share: how the list asks, what a new company sends.
import type { Me } from '../../api';
import type { Point, PointRow } from '../contacts/model';
import { toPointInputs } from '../contacts/model';
import { addCustomFieldParams } from '../contacts/tools/model';

export const COMPANY_SORTS = ['-updatedAt', 'name'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

/** A row of the list; `members` is how many contact persons the company has. */
export interface CompanySummary {
  id: string;
  name: string;
  taxId: string | null;
  industry: string | null;
  ownerId: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
  members: number;
  updatedAt: string;
}

export interface CompanyPage {
  items: CompanySummary[];
  nextCursor: string | null;
}

/** The whole card. */
export interface Company {
  id: string;
  name: string;
  taxId: string | null;
  industry: string | null;
  ownerId: string | null;
  tags: string[];
  notes: string | null;
  customFields: Record<string, unknown>;
  points: Point[];
  email: string | null;
  phone: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A contact person as the company card lists them. */
export interface Person {
  contactId: string;
  displayName: string;
  position: string | null;
  phone: string | null;
  email: string | null;
  since: string;
}

/** The list's filters: `owner` is a user's id, or undefined for anyone's; `cf` the custom-field ones (key -> value). */
export interface CompanyFilters {
  q: string;
  owner?: string;
  tags: string[];
  sort: CompanySort;
  cf?: Record<string, string>;
}

/** The filters as the list's and the export's query parameters: the custom-field ones as `cf.<key>`. */
export function companyParams(filters: CompanyFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.owner) params.set('owner', filters.owner);
  filters.tags.forEach((tag) => params.append('tag', tag));
  params.set('sort', filters.sort);
  return addCustomFieldParams(params, filters.cf ?? {});
}

/** The new-company form as the user fills it. */
export interface NewCompanyForm {
  name: string;
  taxId?: string;
  industry?: string;
  website?: string;
  ownerId?: string | null;
  tags?: string[];
  points?: PointRow[];
}

/**
 * The new company as POST /api/companies takes it. The website is one more contact point (the last one sent),
 * so `rowOf` gives -1 for it: a server error on that point belongs to the website field.
 */
export function newCompanyBody(form: NewCompanyForm, me: Pick<Me, 'id'>): { body: Record<string, unknown>; rowOf: number[] } {
  const blank = (text?: string) => (text?.trim() ? text.trim() : undefined);
  const { points, rowOf } = toPointInputs(form.points ?? []);
  const website = blank(form.website);
  if (website) {
    points.push({ kind: 'WEBSITE', label: null, value: website, primary: !points.some((p) => p.kind === 'WEBSITE' && p.primary) });
    rowOf.push(-1);
  }
  return {
    body: {
      name: form.name.trim(),
      taxId: blank(form.taxId),
      industry: blank(form.industry),
      // the server would make the creator the owner anyway; a company is created with an owner, and unassigned later
      ownerId: form.ownerId ?? me.id,
      tags: form.tags ?? [],
      points,
    },
    rowOf,
  };
}

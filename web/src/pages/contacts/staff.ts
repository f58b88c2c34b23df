import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { fullName, type StaffMember } from './model';

/** The company's staff (every page of the identity directory), to name owners and authors and to pick owners. */
export function useStaff() {
  const staff = useQuery({
    queryKey: ['staff'],
    queryFn: async () => {
      const all: StaffMember[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: StaffMember[]; nextCursor: string | null } =
          await api(`/api/identity/users?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });
  const byId = new Map((staff.data ?? []).map((u) => [u.id, u]));
  return {
    staff: staff.data ?? [],
    /** A colleague's name, or null while the directory loads or for an id it does not know. */
    name: (id: string | null | undefined) => {
      const member = id ? byId.get(id) : undefined;
      return member ? fullName(member) : null;
    },
  };
}

import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import type { Department } from '../Structure';
import { assignableOwners, fullName, type StaffMember } from './model';

const NOBODY = '';

/**
 * Picks whom a contact belongs to, among those the user may hand it to, or nobody unless `nobody` is false (a card
 * created with no owner becomes its creator's, so a create form should not offer "Unassigned").
 */
export function OwnerSelect({ me, staff, value, onChange, placeholder, nobody = true, ...rest }: {
  me: Me;
  staff: StaffMember[];
  value?: string | null;
  onChange: (ownerId: string | null) => void;
  placeholder?: string;
  nobody?: boolean;
  disabled?: boolean;
  loading?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  // a supervisor hands contacts to the people of their department and the ones under it
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => api<Department[]>('/api/identity/departments'),
    enabled: me.role === 'SUPERVISOR',
  });
  const owners = assignableOwners(me, staff, departments.data);
  // the present owner stays nameable even when the user could not hand a contact to them
  const present = value ? staff.find((u) => u.id === value) : undefined;
  if (present && !owners.some((u) => u.id === present.id)) {
    owners.push(present);
  }
  const options = [
    ...(nobody ? [{ value: NOBODY, label: t('contacts.unassigned') }] : []),
    ...owners.map((u) => ({ value: u.id, label: u.id === me.id ? t('contacts.me', { name: fullName(u) }) : fullName(u) })),
  ];
  return (
    <Select showSearch optionFilterProp="label" options={options} placeholder={placeholder} style={{ width: 220, ...rest.style }}
      value={value === undefined ? undefined : value ?? NOBODY} disabled={rest.disabled} loading={rest.loading}
      aria-label={rest['aria-label']} onChange={(id: string) => onChange(id === NOBODY ? null : id)} />
  );
}

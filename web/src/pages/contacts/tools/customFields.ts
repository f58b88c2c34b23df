import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import type { CardType, CustomFieldDefinition } from './model';

/** The custom fields an administrator defined for contacts or companies, in their order. */
export function useCustomFields(entity: CardType) {
  return useQuery({
    queryKey: ['custom-fields', entity],
    queryFn: () => api<CustomFieldDefinition[]>(`/api/contacts/custom-fields?entity=${entity}`),
    staleTime: 60_000,
  });
}

import { useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useDebounced } from '../contacts/useDebounced';
import type { Product } from './model';

interface Picked {
  value?: string | null;
  onChange?: (id: string | null, label?: string) => void;
  /** How the present value is named before anything is searched (the card's snapshot of it). */
  currentLabel?: string | null;
  style?: CSSProperties;
  'aria-label'?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** A search box over a list of the API: picks one of what the typed words find, by id. */
function SearchSelect({ value, onChange, currentLabel, address, toOption, ...rest }: Picked & {
  address: (q: string) => string;
  toOption: (item: never) => { value: string; label: string };
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 250);
  const found = useQuery({
    queryKey: ['deals', 'pick', address(q)],
    queryFn: () => api<{ items: never[] }>(address(q)),
  });
  const options = (found.data?.items ?? []).map(toOption);
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: currentLabel ?? value });
  }
  return (
    <Select showSearch allowClear filterOption={false} onSearch={setTyped} value={value ?? undefined} options={options}
      loading={found.isFetching} notFoundContent={t('deals.pick.nothing')} style={{ width: '100%', ...rest.style }}
      aria-label={rest['aria-label']} placeholder={rest.placeholder} disabled={rest.disabled}
      onChange={(id?: string) => onChange?.(id ?? null, options.find((o) => o.value === id)?.label)} />
  );
}

/** Picks a client (contacts-service's search: a name, a phone, an e-mail). */
export function ContactPicker(props: Picked) {
  return (
    <SearchSelect {...props} address={(q) => `/api/contacts?limit=20${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`}
      toOption={(c: { id: string; displayName: string; phone: string | null }) =>
        ({ value: c.id, label: c.phone ? `${c.displayName} · ${c.phone}` : c.displayName })} />
  );
}

/** Picks a company of the client base. */
export function CompanyPicker(props: Picked) {
  const company = useQuery({
    queryKey: ['company', props.value],
    queryFn: () => api<{ name: string }>(`/api/companies/${props.value}`),
    enabled: !!props.value && !props.currentLabel,
    retry: false,
  });
  return (
    <SearchSelect {...props} currentLabel={props.currentLabel ?? company.data?.name}
      address={(q) => `/api/companies?limit=20${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`}
      toOption={(c: { id: string; name: string }) => ({ value: c.id, label: c.name })} />
  );
}

/** Picks an active product or service; `onProduct` gets the whole product (its price and currency). */
export function ProductPicker({ onProduct, ...props }: Picked & { onProduct?: (product: Product) => void }) {
  const [known] = useState(() => new Map<string, Product>());
  return (
    <SearchSelect {...props}
      onChange={(id, label) => {
        props.onChange?.(id, label);
        const product = id ? known.get(id) : undefined;
        if (product) onProduct?.(product);
      }}
      address={(q) => `/api/deals/products?active=true&limit=30${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`}
      toOption={(p: Product) => {
        known.set(p.id, p);
        return { value: p.id, label: p.sku ? `${p.name} (${p.sku})` : p.name };
      }} />
  );
}

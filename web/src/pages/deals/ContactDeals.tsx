import { Alert, Button, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import { useProblems } from '../../problems';
import { useStaff } from '../contacts/staff';
import { CardPanel, usePanel } from './CardPanel';
import { ItemTable } from './DealList';
import type { Item } from './model';
import { CARDS_KEY } from './queries';

/** The contact card's leads and deals, newest first. */
export function ContactDeals({ me, contactId }: { me: Me; contactId: string }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const staff = useStaff();
  const panel = usePanel();
  const items = useQuery({
    queryKey: [...CARDS_KEY, 'of-contact', contactId],
    queryFn: () => api<{ items: Item[] }>(`/api/deals/items?limit=200&contact=${encodeURIComponent(contactId)}`),
  });
  const rows = items.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="contact-deals">
      {items.error && <Alert type="error" showIcon title={problems.text(items.error)} />}
      <ItemTable rows={rows} loading={items.isPending} ownerName={staff.name} onOpen={(i) => panel.open(i.type, i.id)} />
      <Button onClick={() => void items.refetch()}>{t('deals.contact.refresh')}</Button>
      <CardPanel me={me} />
    </Space>
  );
}

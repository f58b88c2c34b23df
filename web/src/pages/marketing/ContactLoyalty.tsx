import { Alert, Card, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useMarketingProblems } from './problems';
import type { LoyaltyCard } from './model';

/** The contact's loyalty programme (`002_*` 2.1.23): the points balance and every bonus earned or spent, newest first. */
export function ContactLoyalty({ contactId }: { contactId: string }) {
  const { t, i18n } = useTranslation();
  const problems = useMarketingProblems();
  const card = useQuery({ queryKey: ['loyalty', contactId], queryFn: () => api<LoyaltyCard>(`/api/deals/loyalty/${contactId}`) });
  const points = (n: number) => new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero' }).format(n);
  if (card.isError) return <Alert type="error" showIcon title={problems.text(card.error)} />;
  return (
    <div data-testid="loyalty">
      <Card size="small" style={{ marginBottom: 16, maxWidth: 280 }} loading={card.isPending}>
        <Statistic title={t('marketing.loyalty.balance')} value={card.data?.balance ?? 0} data-testid="loyalty-balance" />
      </Card>
      <Table rowKey="id" size="small" dataSource={card.data?.entries ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        loading={card.isPending} locale={{ emptyText: t('marketing.loyalty.empty') }} data-testid="loyalty-entries"
        columns={[
          { title: t('marketing.loyalty.when'), render: (_, e) => new Date(e.at).toLocaleString(i18n.language) },
          {
            title: t('marketing.loyalty.points'),
            render: (_, e) => (
              <Typography.Text type={e.points < 0 ? 'danger' : 'success'}>
                {points(e.points)} · {t(e.points < 0 ? 'marketing.loyalty.spent' : 'marketing.loyalty.earned')}
              </Typography.Text>
            ),
          },
          { title: t('marketing.loyalty.after'), dataIndex: 'balance' },
          { title: t('marketing.loyalty.reason'), dataIndex: 'reason' },
          { title: t('marketing.loyalty.order'), render: (_, e) => e.orderId ?? '' },
        ]} />
    </div>
  );
}

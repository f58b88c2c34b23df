import { Alert, Empty, Spin, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProblems } from '../../problems';

/** A company the contact works for, as contacts-service lists them for the card. */
interface Workplace {
  companyId: string;
  name: string;
  position: string | null;
  since: string;
}

/** The companies the contact works for, with their position in each (read here, each opening its company's card). */
export function ContactCompanies({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const companies = useQuery({ queryKey: ['contact', id, 'companies'], queryFn: () => api<Workplace[]>(`/api/contacts/${id}/companies`) });
  if (companies.isPending) {
    return <Spin />;
  }
  if (companies.isError) {
    return <Alert type="error" showIcon title={problems.text(companies.error)} />;
  }
  if (companies.data.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.companies.empty')} />;
  }
  return (
    <Table<Workplace> rowKey="companyId" size="small" pagination={false} dataSource={companies.data}
      columns={[
        {
          title: t('contacts.companies.name'),
          dataIndex: 'name',
          render: (name: string, w) => <Link to={`/companies/${w.companyId}`} data-testid="workplace">{name}</Link>,
        },
        { title: t('contacts.field.position'), dataIndex: 'position', render: (p: string | null) => p ?? '—' },
        { title: t('contacts.companies.since'), dataIndex: 'since', render: (at: string) => new Date(at).toLocaleDateString(i18n.language) },
      ]} />
  );
}

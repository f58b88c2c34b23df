import { Alert, App as AntApp, Button, Card, Popconfirm, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../../api';
import { ContactComments } from '../contacts/ContactComments';
import { ContactHistory } from '../contacts/ContactHistory';
import { ContactTimeline } from '../contacts/ContactTimeline';
import { PointsSection } from '../contacts/PointsSection';
import { useContactPatch } from '../contacts/useContactPatch';
import { useStaff } from '../contacts/staff';
import { changesContacts } from '../contacts/model';
import { CompanyDetails } from './CompanyDetails';
import { CompanyPeople, useCompanyPeople } from './CompanyPeople';
import type { Company } from './model';
import { useProblems } from '../../problems';

/**
 * An organisation's card (`001_*`: the client, distinct from its contact persons): its details edited in place,
 * its people, the timeline of the company and its people, comments, and the history of changes.
 */
export function CompanyCard({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const problems = useProblems();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = AntApp.useApp();
  const { staff, name } = useStaff();
  const card = useQuery({ queryKey: ['company', id], queryFn: () => api<Company>(`/api/companies/${id}`), retry: false });
  const people = useCompanyPeople(id);
  const patch = useContactPatch(id, 'companies');
  const editable = changesContacts(me.role);
  const remove = useMutation({
    mutationFn: () => api(`/api/companies/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void message.success(t('companies.deleted'));
      queries.removeQueries({ queryKey: ['company', id] });
      void queries.invalidateQueries({ queryKey: ['companies'] });
      navigate('/companies');
    },
    onError: (e) => void message.error(problems.text(e)),
  });
  const back = <Link to="/companies"><ArrowLeftOutlined /> {t('companies.back')}</Link>;

  if (card.isPending) {
    return <Spin />;
  }
  if (card.isError) {
    const missing = card.error instanceof ApiError && card.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('companies.notFound') : problems.text(card.error)} extra={back} />;
  }
  const c = card.data;
  const ownerName = name(c.ownerId);
  const reload = async () => {
    await card.refetch();
    patch.reloaded();
  };
  // an entry of the company's timeline may be about one of its people
  const aboutContact = (contactId: string) => {
    const person = people.data?.find((p) => p.contactId === contactId);
    return (
      <Link to={`/contacts/${contactId}`} data-testid="timeline-person">
        <UserOutlined /> {person?.displayName ?? t('companies.people.former')}
      </Link>
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="company-title">{c.name}</Typography.Title>
            {c.taxId && <Tag data-testid="company-tax-id">{t('companies.field.taxId')}: {c.taxId}</Tag>}
            <Typography.Text type="secondary" data-testid="company-owner">
              {t('companies.field.ownerId')}: {c.ownerId ? ownerName ?? '' : t('contacts.unassigned')}
            </Typography.Text>
          </Space>
        }
        extra={editable && (
          <Popconfirm title={t('companies.deleteConfirm')} onConfirm={() => remove.mutate()}>
            <Button danger loading={remove.isPending}>{t('contacts.delete')}</Button>
          </Popconfirm>
        )}>
        {patch.stale && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('companies.stale')}
            action={<Button size="small" onClick={reload}>{t('contacts.reload')}</Button>} />
        )}
        <Tabs items={[
          {
            key: 'details',
            label: t('contacts.tab.details'),
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <PointsSection points={c.points} editable={editable} patch={patch} title={t('companies.field.points')} />
                <CompanyDetails company={c} me={me} staff={staff} ownerName={ownerName} editable={editable} patch={patch} />
              </Space>
            ),
          },
          {
            key: 'people',
            label: people.data ? t('companies.tab.peopleCount', { count: people.data.length }) : t('companies.tab.people'),
            children: <CompanyPeople id={c.id} editable={editable} />,
          },
          {
            key: 'timeline',
            label: t('contacts.tab.timeline'),
            children: (
              <ContactTimeline card="companies" id={c.id} me={me} editable={editable} staffName={name} aboutContact={aboutContact} />
            ),
          },
          {
            key: 'comments',
            label: t('contacts.tab.comments'),
            children: <ContactComments card="companies" id={c.id} me={me} staff={staff} staffName={name} />,
          },
          {
            key: 'history',
            label: t('contacts.tab.history'),
            children: <ContactHistory card="companies" id={c.id} staffName={name} />,
            destroyOnHidden: true,
          },
        ]} />
      </Card>
    </Space>
  );
}

import { Alert, App as AntApp, Button, Card, Popconfirm, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, StarFilled } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../../api';
import { ContactDetails } from './ContactDetails';
import { ContactComments } from './ContactComments';
import { ContactCompanies } from './ContactCompanies';
import { ContactHistory } from './ContactHistory';
import { ContactTimeline } from './ContactTimeline';
import { PointsSection } from './PointsSection';
import { useContactPatch } from './useContactPatch';
import { useStaff } from './staff';
import { changesContacts, STATUS_COLORS, type Contact } from './model';
import { MergeButton } from './tools/MergeButton';
import { ContactAvatar, ContactPhotoSection } from './photo/ContactPhoto';
import { useProblems } from '../../problems';
import { ContactDeals } from '../deals/ContactDeals';
import { worksWithDeals } from '../deals/model';
import { ContactLoyalty } from '../marketing/ContactLoyalty';
import { CallTable } from '../telephony/CallTable';
import { seesCalls } from '../telephony/model';

/** The client's card (`000_*`, `002_*`): everything about them (their photo too), edited in place, and its history. */
export function ContactCard({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const problems = useProblems();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = AntApp.useApp();
  const { staff, name } = useStaff();
  const card = useQuery({ queryKey: ['contact', id], queryFn: () => api<Contact>(`/api/contacts/${id}`), retry: false });
  const patch = useContactPatch(id);
  const editable = changesContacts(me.role);
  const remove = useMutation({
    mutationFn: () => api(`/api/contacts/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void message.success(t('contacts.deleted'));
      queries.removeQueries({ queryKey: ['contact', id] });
      void queries.invalidateQueries({ queryKey: ['contacts'] });
      navigate('/contacts');
    },
    onError: (e) => void message.error(problems.text(e)),
  });
  const back = <Link to="/contacts"><ArrowLeftOutlined /> {t('contacts.back')}</Link>;

  if (card.isPending) {
    return <Spin />;
  }
  if (card.isError) {
    const missing = card.error instanceof ApiError && card.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('contacts.notFound') : problems.text(card.error)} extra={back} />;
  }
  const c = card.data;
  const ownerName = name(c.ownerId);
  const reload = async () => {
    await card.refetch();
    patch.reloaded();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card
        title={
          <Space wrap>
            <ContactAvatar id={c.id} name={c.displayName} photoVersion={c.photoVersion} size={40} />
            {c.vip && <StarFilled style={{ color: '#faad14' }} title={t('contacts.field.vip')} aria-label={t('contacts.field.vip')} />}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="contact-title">{c.displayName}</Typography.Title>
            <Tag color={STATUS_COLORS[c.status]}>{t(`contacts.status.${c.status}`)}</Tag>
            <Typography.Text type="secondary" data-testid="contact-owner">
              {t('contacts.field.ownerId')}: {c.ownerId ? ownerName ?? '' : t('contacts.unassigned')}
            </Typography.Text>
          </Space>
        }
        extra={editable && (
          <Space>
            <MergeButton id={c.id} />
            <Popconfirm title={t('contacts.deleteConfirm')} onConfirm={() => remove.mutate()}>
              <Button danger loading={remove.isPending}>{t('contacts.delete')}</Button>
            </Popconfirm>
          </Space>
        )}>
        {patch.stale && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('contacts.stale')}
            action={<Button size="small" onClick={reload}>{t('contacts.reload')}</Button>} />
        )}
        <Tabs items={[
          {
            key: 'details',
            label: t('contacts.tab.details'),
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <ContactPhotoSection contact={c} editable={editable} />
                <PointsSection points={c.points} editable={editable} patch={patch} contactId={c.id} />
                <ContactDetails contact={c} me={me} staff={staff} ownerName={ownerName} editable={editable} patch={patch} />
              </Space>
            ),
          },
          { key: 'history', label: t('contacts.tab.history'), children: <ContactHistory id={c.id} staffName={name} />, destroyOnHidden: true },
          { key: 'timeline', label: t('contacts.tab.timeline'), children: <ContactTimeline id={c.id} me={me} editable={editable} staffName={name} /> },
          { key: 'comments', label: t('contacts.tab.comments'), children: <ContactComments id={c.id} me={me} staff={staff} staffName={name} /> },
          { key: 'companies', label: t('contacts.tab.companies'), children: <ContactCompanies id={c.id} /> },
          ...(worksWithDeals(me.role) ? [{
            key: 'deals', label: t('deals.contact.tab'), destroyOnHidden: true,
            children: <ContactDeals me={me} contactId={c.id} />,
          }] : []),
          ...(seesCalls(me.role) ? [{
            key: 'calls', label: t('telephony.contact.tab'), destroyOnHidden: true,
            children: <CallTable filters={{ contactId: c.id }} limit={20} compact showContact={false} />,
          }] : []),
          ...(worksWithDeals(me.role) ? [{
            key: 'loyalty', label: t('marketing.loyalty.tab'), destroyOnHidden: true,
            children: <ContactLoyalty contactId={c.id} />,
          }] : []),
        ]} />
      </Card>
    </Space>
  );
}

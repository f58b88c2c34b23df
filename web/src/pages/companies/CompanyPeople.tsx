import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Form, Input, Popconfirm, Select, Space, Spin, Table } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { EditableText } from '../contacts/ContactDetails';
import type { ContactPage } from '../contacts/model';
import type { Person } from './model';
import { useProblems } from '../../problems';
import { CallButton } from '../telephony/CallButton';

/** The company's contact persons, as the card's query cache keeps them (the timeline names its people with it too). */
export function useCompanyPeople(id: string) {
  return useQuery({ queryKey: ['company', id, 'members'], queryFn: () => api<Person[]>(`/api/companies/${id}/members`) });
}

/** Picks a contact of the client base by name, phone or e-mail, leaving out the company's people already. */
function ContactPicker({ value, onChange, exclude }: { value?: string; onChange?: (id: string) => void; exclude: string[] }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['contacts', 'pick', q],
    queryFn: () => api<ContactPage>(`/api/contacts?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).filter((c) => !exclude.includes(c.id)).map((c) => ({
    value: c.id,
    label: [c.displayName, c.phone, c.email].filter(Boolean).join(' · '),
  }));
  return (
    <Select showSearch={{ filterOption: false, onSearch: setTyped }} value={value} onChange={onChange}
      options={options} loading={found.isFetching} style={{ width: 380 }}
      placeholder={t('companies.people.pick')} aria-label={t('companies.people.pick')}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t('contacts.empty')} />
  );
}

/** Who works at the company and as what; people of the client base are added with their position, or removed. */
export function CompanyPeople({ id, editable }: { id: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ contactId: string; position?: string }>();
  const people = useCompanyPeople(id);
  const changed = (contactId: string) => {
    void queries.invalidateQueries({ queryKey: ['company', id] });
    void queries.invalidateQueries({ queryKey: ['companies'] });
    void queries.invalidateQueries({ queryKey: ['contact', contactId, 'companies'] });
  };
  const link = useMutation({
    mutationFn: ({ contactId, position }: { contactId: string; position?: string | null }) =>
      api<Person>(`/api/companies/${id}/members`, { method: 'POST', body: { contactId, position: position?.trim() || null } }),
    onSuccess: (person) => {
      form.resetFields();
      changed(person.contactId);
    },
  });
  const unlink = useMutation({
    mutationFn: (contactId: string) => api(`/api/companies/${id}/members/${contactId}`, { method: 'DELETE' }),
    onSuccess: (_, contactId) => changed(contactId),
  });
  const failure = link.error ?? unlink.error;
  const error = failure ? problems.text(failure, (field) => field === 'position' ? t('companies.people.position')
    : field === 'contactId' ? t('companies.people.pick') : undefined) : undefined;

  if (people.isPending) {
    return <Spin />;
  }
  if (people.isError) {
    return <Alert type="error" showIcon title={problems.text(people.error)} />;
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => { link.reset(); unlink.reset(); }} />}
      {editable && (
        <Form form={form} layout="inline" onFinish={(values) => link.mutate(values)} data-testid="add-person">
          <Form.Item name="contactId" rules={[{ required: true, message: t('companies.people.pickRequired') }]}>
            <ContactPicker exclude={people.data.map((p) => p.contactId)} />
          </Form.Item>
          <Form.Item name="position" rules={[{ max: 100 }]}>
            <Input placeholder={t('companies.people.position')} aria-label={t('companies.people.position')} style={{ width: 220 }} />
          </Form.Item>
          <Button key={`add-${link.isPending}`} type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={link.isPending}>
            {t('companies.people.add')}
          </Button>
        </Form>
      )}
      {people.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('companies.people.empty')} />
      ) : (
        <Table<Person> rowKey="contactId" size="small" pagination={false} dataSource={people.data} data-testid="people"
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('contacts.name'),
              dataIndex: 'displayName',
              render: (name: string, p) => <Link to={`/contacts/${p.contactId}`} data-testid="person-name">{name}</Link>,
            },
            {
              title: t('companies.people.position'),
              dataIndex: 'position',
              render: (position: string | null, p) => (
                <span data-testid="person-position">
                  <EditableText value={position} editable={editable} maxLength={100}
                    onSave={(next) => link.mutate({ contactId: p.contactId, position: next })} />
                </span>
              ),
            },
            { title: t('contacts.phone'), dataIndex: 'phone', render: (phone: string | null, p) => <CallButton number={phone} contactId={p.contactId} /> },
            { title: t('contacts.email'), dataIndex: 'email' },
            {
              title: t('companies.people.since'),
              dataIndex: 'since',
              render: (at: string) => new Date(at).toLocaleDateString(i18n.language),
            },
            ...(editable ? [{
              key: 'remove',
              render: (_: unknown, p: Person) => (
                <Popconfirm title={t('companies.people.removeConfirm', { name: p.displayName })} onConfirm={() => unlink.mutate(p.contactId)}>
                  <Button type="link" danger size="small">{t('companies.people.remove')}</Button>
                </Popconfirm>
              ),
            }] : []),
          ]} />
      )}
    </Space>
  );
}

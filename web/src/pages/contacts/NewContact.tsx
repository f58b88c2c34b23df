import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { PointsEditor } from './PointsEditor';
import { SourceInput, TagSelect } from './suggestions';
import { useProblems } from '../../problems';
import {
  formPath, KINDS, POSSIBLE_DUPLICATE, STATUSES, toPointInputs,
  type Contact, type ContactKind, type ContactStatus, type Duplicate, type PointRow,
} from './model';

interface NewContactForm {
  firstName: string;
  middleName?: string;
  lastName?: string;
  kind: ContactKind;
  status: ContactStatus;
  vip?: boolean;
  source?: string;
  tags?: string[];
  birthDate?: Dayjs | null;
  position?: string;
  points?: PointRow[];
}

const blankToUndefined = (text?: string) => (text?.trim() ? text.trim() : undefined);

/**
 * The form that creates a contact; a phone or e-mail the CRM knows already asks "create anyway?" first. A phone
 * given (a new caller's number, from the incoming-call pop-up) is filled in; `onCreated` hears of the new card.
 */
export function NewContact({ open, onClose, phone, onCreated }: {
  open: boolean;
  onClose: () => void;
  phone?: string;
  onCreated?: (contact: Contact) => void;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<NewContactForm>();
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const rowOf = useRef<number[]>([]);

  const create = useMutation({
    mutationFn: ({ values, confirmDuplicate }: { values: NewContactForm; confirmDuplicate: boolean }) => {
      const points = toPointInputs(values.points ?? []);
      rowOf.current = points.rowOf;
      return api<Contact>(`/api/contacts${confirmDuplicate ? '?confirmDuplicate=true' : ''}`, {
        method: 'POST',
        body: {
          kind: values.kind,
          status: values.status,
          firstName: values.firstName.trim(),
          middleName: blankToUndefined(values.middleName),
          lastName: blankToUndefined(values.lastName),
          position: blankToUndefined(values.position),
          source: blankToUndefined(values.source),
          vip: !!values.vip,
          tags: values.tags ?? [],
          birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : undefined,
          points: points.points,
        },
      });
    },
    onSuccess: (contact) => {
      void message.success(t('contacts.created'));
      void queries.invalidateQueries({ queryKey: ['contacts'] });
      close();
      onCreated?.(contact);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.type === POSSIBLE_DUPLICATE) {
        setDuplicates((e.problem.duplicates as Duplicate[] | undefined) ?? []);
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => ({ name: formPath(f.field, rowOf.current) as never, errors: [problems.field(f.message)] })));
      }
    },
  });
  const close = () => {
    form.resetFields();
    setDuplicates(null);
    create.reset();
    onClose();
  };
  const createAnyway = async () => create.mutate({ values: await form.validateFields(), confirmDuplicate: true });
  const otherError = create.error instanceof ApiError && create.error.type !== POSSIBLE_DUPLICATE
    && create.error.fieldErrors.length === 0 ? create.error : null;

  return (
    <Modal open={open} title={t('contacts.new')} width={760} onCancel={close} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>{t('contacts.cancel')}</Button>,
        // a fresh button once the request is over: antd's spinner can stay behind when its fade-out is cut short
        duplicates
          ? <Button key={`anyway-${create.isPending}`} type="primary" onClick={createAnyway} loading={create.isPending}>
              {t('contacts.duplicate.createAnyway')}
            </Button>
          : <Button key={`create-${create.isPending}`} type="primary" onClick={() => form.submit()} loading={create.isPending}>
              {t('contacts.create')}
            </Button>,
      ]}>
      {duplicates && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="duplicates"
          title={t('contacts.duplicate.title')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{t('contacts.duplicate.text')}</Typography.Paragraph>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {duplicates.map((d, i) => (
                  <li key={d.id ?? `hidden-${i}`}>
                    {d.id
                      ? <Link to={`/contacts/${d.id}`} target="_blank">{d.displayName}</Link>
                      : <Typography.Text type="secondary">{t('contacts.duplicate.hidden')}</Typography.Text>}
                    {' · '}
                    {t(d.matchedOn === 'email' ? 'contacts.duplicate.email' : 'contacts.duplicate.phone', { value: d.value })}
                  </li>
                ))}
              </ul>
            </>
          } />
      )}
      {otherError && <Alert type="error" showIcon title={problems.text(otherError)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical"
        initialValues={{ kind: 'PERSON', status: 'LEAD', vip: false, tags: [],
          points: [{ kind: 'PHONE', primary: true, value: phone }, { kind: 'EMAIL', primary: true }] }}
        onValuesChange={(changed) => 'points' in changed && setDuplicates(null)}
        onFinish={(values) => create.mutate({ values, confirmDuplicate: false })}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="lastName" label={t('contacts.field.lastName')} rules={[{ max: 100 }]}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="firstName" label={t('contacts.field.firstName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="middleName" label={t('contacts.field.middleName')} rules={[{ max: 100 }]}><Input /></Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('contacts.field.kind')}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('contacts.field.status')}>
              <Select options={STATUSES.map((s) => ({ value: s, label: t(`contacts.status.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="vip" label=" " valuePropName="checked">
              <Checkbox>{t('contacts.field.vip')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="position" label={t('contacts.field.position')} rules={[{ max: 100 }]}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="source" label={t('contacts.field.source')} rules={[{ max: 100 }]}>
              <SourceInput aria-label={t('contacts.field.source')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="birthDate" label={t('contacts.field.birthDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('contacts.field.tags')}>
          <TagSelect list="contacts/tags" aria-label={t('contacts.field.tags')} />
        </Form.Item>
        <Form.Item label={t('contacts.field.points')} required={false}>
          <PointsEditor form={form} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

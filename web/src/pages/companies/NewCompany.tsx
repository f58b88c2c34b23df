import { useRef } from 'react';
import { Alert, App as AntApp, Button, Col, Form, Input, Modal, Row } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../../api';
import { OwnerSelect } from '../contacts/OwnerSelect';
import { PointsEditor } from '../contacts/PointsEditor';
import { TagSelect } from '../contacts/suggestions';
import { formPath, type StaffMember } from '../contacts/model';
import { newCompanyBody, type Company, type NewCompanyForm } from './model';
import { useProblems } from '../../problems';

/** The form that creates a company; the server's complaints (a taken or wrong tax number, a bad phone) land on their fields. */
export function NewCompany({ open, onClose, me, staff }: { open: boolean; onClose: () => void; me: Me; staff: StaffMember[] }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<NewCompanyForm>();
  const rowOf = useRef<number[]>([]);

  const create = useMutation({
    mutationFn: (values: NewCompanyForm) => {
      const request = newCompanyBody(values, me);
      rowOf.current = request.rowOf;
      return api<Company>('/api/companies', { method: 'POST', body: request.body });
    },
    onSuccess: () => {
      void message.success(t('companies.created'));
      void queries.invalidateQueries({ queryKey: ['companies'] });
      close();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => {
          const point = /^points\[(\d+)\]/.exec(f.field);
          const website = point && rowOf.current[Number(point[1])] === -1;
          return { name: (website ? ['website'] : formPath(f.field, rowOf.current)) as never, errors: [problems.field(f.message)] };
        }));
      }
    },
  });
  const close = () => {
    form.resetFields();
    create.reset();
    onClose();
  };
  const otherError = create.error instanceof ApiError && create.error.fieldErrors.length === 0 ? create.error : null;

  return (
    <Modal open={open} title={t('companies.new')} width={760} onCancel={close} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>{t('contacts.cancel')}</Button>,
        // a fresh button once the request is over: antd's spinner can stay behind when its fade-out is cut short
        <Button key={`create-${create.isPending}`} type="primary" onClick={() => form.submit()} loading={create.isPending}>
          {t('contacts.create')}
        </Button>,
      ]}>
      {otherError && <Alert type="error" showIcon title={problems.text(otherError)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical"
        initialValues={{ ownerId: me.id, tags: [], points: [{ kind: 'PHONE', primary: true }, { kind: 'EMAIL', primary: true }] }}
        onFinish={(values) => create.mutate(values)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('companies.field.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="taxId" label={t('companies.field.taxId')} rules={[{ max: 20 }]} extra={t('companies.taxIdHint')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t('companies.field.industry')} rules={[{ max: 100 }]}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="website" label={t('companies.field.website')} rules={[{ max: 500 }]}>
              <Input inputMode="url" placeholder="example.com" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {/* no "Unassigned": the server makes the creator the owner of a company created without one */}
            <Form.Item name="ownerId" label={t('companies.field.ownerId')}>
              <OwnerSelect me={me} staff={staff} nobody={false} aria-label={t('companies.field.ownerId')} style={{ width: '100%' }}
                onChange={(ownerId) => form.setFieldValue('ownerId', ownerId)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tags" label={t('companies.field.tags')}>
              <TagSelect list="companies/tags" aria-label={t('companies.field.tags')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('companies.field.points')} required={false}>
          <PointsEditor form={form} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

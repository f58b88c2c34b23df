import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../../api';
import { useProblems } from '../../problems';
import { useDebounced } from '../contacts/useDebounced';
import { formatMoney, keepsCatalogue, PRODUCT_KINDS, type Product, type ProductKind } from './model';

type Draft = Omit<Product, 'id' | 'version'>;

/** The catalogue of products and services (`003_*`): everyone reads it, an ADMIN or a MARKETER keeps it. */
export function Products({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const [kind, setKind] = useState<ProductKind>();
  const [active, setActive] = useState<boolean | undefined>(true);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const keeper = keepsCatalogue(me.role);
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  if (kind) params.set('kind', kind);
  if (active !== undefined) params.set('active', String(active));
  const products = useInfiniteQuery({
    queryKey: ['deals', 'products', params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: Product[]; nextCursor: string | null }>(
      `/api/deals/products?${params}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('deals.products.title')} extra={keeper && <Button type="primary" onClick={() => setEditing('new')}>{t('deals.products.new')}</Button>}>
      {products.error && <Alert type="error" showIcon title={problems.text(products.error)} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('deals.products.search')} aria-label={t('deals.products.search')} value={typed}
          onChange={(e) => setTyped(e.target.value)} style={{ width: 260 }} />
        <Select allowClear aria-label={t('deals.products.kind')} placeholder={t('deals.products.kind')} style={{ width: 160 }} value={kind} onChange={setKind}
          options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`deals.products.kind.${k}`) }))} />
        <Select aria-label={t('deals.products.active')} style={{ width: 160 }} value={active === undefined ? 'all' : String(active)}
          onChange={(v: string) => setActive(v === 'all' ? undefined : v === 'true')}
          options={[{ value: 'true', label: t('deals.products.onlyActive') }, { value: 'false', label: t('deals.products.onlyInactive') }, { value: 'all', label: t('deals.products.all') }]} />
      </Space>
      <Table<Product> rowKey="id" dataSource={rows} pagination={false} loading={products.isPending || products.isPlaceholderData} data-testid="products"
        locale={{ emptyText: t('deals.products.empty') }}
        onRow={(p) => ({ style: { cursor: keeper ? 'pointer' : undefined }, onClick: () => keeper && setEditing(p) })}
        columns={[
          { title: t('deals.products.name'), dataIndex: 'name' },
          { title: t('deals.products.kind'), render: (_, p) => t(`deals.products.kind.${p.kind}`) },
          { title: t('deals.products.sku'), dataIndex: 'sku' },
          { title: t('deals.products.price'), render: (_, p) => formatMoney(p.price, p.currency, i18n.language) },
          { title: t('deals.products.active'), render: (_, p) => p.active ? <Tag color="green">{t('deals.products.isActive')}</Tag> : <Tag>{t('deals.products.isInactive')}</Tag> },
        ]} />
      {products.hasNextPage && <Button style={{ marginTop: 12 }} onClick={() => products.fetchNextPage()} loading={products.isFetchingNextPage}>{t('contacts.more')}</Button>}
      {editing && <ProductDialog product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function ProductDialog({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Draft>();
  const save = useMutation({
    mutationFn: (d: Draft) => {
      const body = { ...d, description: d.description?.trim() || null, sku: d.sku?.trim() || null, currency: d.currency?.trim() || null };
      return product
        ? api<Product>(`/api/deals/products/${product.id}`, { method: 'PATCH', body: { ...body, version: product.version } })
        : api<Product>('/api/deals/products', { method: 'POST', body });
    },
    onSuccess: () => {
      void message.success(t('deals.products.saved'));
      void queries.invalidateQueries({ queryKey: ['deals', 'products'] });
      void queries.invalidateQueries({ queryKey: ['deals', 'pick'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field, errors: [problems.field(f.message)] })) as never);
      }
    },
  });
  return (
    <Modal open title={product ? t('deals.products.edit') : t('deals.products.new')} okText={t('contacts.save')} cancelText={t('contacts.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      {save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.length > 0) && (
        <Alert type="error" showIcon title={problems.text(save.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={(d) => save.mutate(d)} data-testid="product-form"
        initialValues={product ?? { kind: 'PRODUCT', active: true, currency: 'UAH' }}>
        <Form.Item name="name" label={t('deals.products.name')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('deals.products.kind')}>
            <Select style={{ width: 160 }} options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`deals.products.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="sku" label={t('deals.products.sku')} rules={[{ max: 100 }]}><Input style={{ width: 180 }} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="price" label={t('deals.products.price')} rules={[{ required: true }]}><InputNumber min={0} precision={2} style={{ width: 160 }} /></Form.Item>
          <Form.Item name="currency" label={t('deals.field.currency')}><Input maxLength={3} style={{ width: 90 }} /></Form.Item>
          <Form.Item name="active" label={t('deals.products.active')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
        <Form.Item name="description" label={t('deals.products.description')} rules={[{ max: 5000 }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../../api';
import { OwnerSelect } from '../OwnerSelect';
import type { ContactSummary, StaffMember } from '../model';
import { TagSelect } from '../suggestions';
import { MergeDialog } from './MergeDialog';
import { useProblems } from '../../../problems';

/** Adds and removes tags on the chosen contacts. */
function TagDialog({ ids, known, open, onClose, onDone }: {
  ids: string[];
  known: string[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const tag = useMutation({
    mutationFn: () => api('/api/contacts/tag', { method: 'POST', body: { ids, add, remove } }),
    onSuccess: () => {
      void message.success(t('contactTools.bulk.tagged', { count: ids.length }));
      setAdd([]);
      setRemove([]);
      onDone();
    },
  });
  return (
    <Modal open={open} title={t('contactTools.bulk.tagTitle', { count: ids.length })} onCancel={onClose} destroyOnHidden
      okText={t('contactTools.bulk.apply')} cancelText={t('contacts.cancel')} onOk={() => tag.mutate()}
      okButtonProps={{ disabled: add.length === 0 && remove.length === 0 }} confirmLoading={tag.isPending}
      afterOpenChange={(visible) => !visible && tag.reset()}>
      <Form layout="vertical">
        <Form.Item label={t('contactTools.bulk.addTags')} htmlFor="bulk-add-tags">
          <TagSelect id="bulk-add-tags" list="contacts/tags" value={add} onChange={setAdd} aria-label={t('contactTools.bulk.addTags')} />
        </Form.Item>
        <Form.Item label={t('contactTools.bulk.removeTags')} htmlFor="bulk-remove-tags">
          <Select id="bulk-remove-tags" mode="tags" value={remove} onChange={setRemove} tokenSeparators={[',']}
            aria-label={t('contactTools.bulk.removeTags')} options={known.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
      </Form>
      {tag.error && <Alert type="error" showIcon title={problems.text(tag.error)} />}
    </Modal>
  );
}

/** What can be done with the contacts chosen in the list: hand over, tag, merge (two), delete. */
export function BulkActions({ me, staff, selected, rows, onDone }: {
  me: Me;
  staff: StaffMember[];
  selected: string[];
  rows: ContactSummary[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const [tagging, setTagging] = useState(false);
  const [merging, setMerging] = useState(false);
  const assign = useMutation({
    mutationFn: (ownerId: string | null) => api('/api/contacts/assign', { method: 'POST', body: { ids: selected, ownerId } }),
    onSuccess: () => {
      void message.success(t('contacts.assigned'));
      onDone();
    },
  });
  const remove = useMutation({
    // all or nothing: one contact the user may not delete refuses the whole request
    mutationFn: (ids: string[]) => api('/api/contacts/delete', { method: 'POST', body: { ids } }),
    onSuccess: () => {
      void message.success(t('contacts.deletedMany'));
      onDone();
    },
  });
  const known = [...new Set(rows.filter((r) => selected.includes(r.id)).flatMap((r) => r.tags))].sort();
  const error = assign.error ?? remove.error;

  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Space wrap data-testid="bulk">
        <Typography.Text>{t('contacts.selected', { count: selected.length })}</Typography.Text>
        <OwnerSelect me={me} staff={staff} placeholder={t('contacts.assignTo')} aria-label={t('contacts.assignTo')}
          loading={assign.isPending} value={undefined} onChange={(ownerId) => assign.mutate(ownerId)} style={{ width: 280 }} />
        <Button onClick={() => setTagging(true)}>{t('contactTools.bulk.tags')}</Button>
        <Button disabled={selected.length !== 2} title={selected.length !== 2 ? t('contactTools.merge.needTwo') : undefined}
          onClick={() => setMerging(true)}>{t('contactTools.merge.action')}</Button>
        <Popconfirm title={t('contactTools.bulk.deleteConfirm', { count: selected.length })} onConfirm={() => remove.mutate(selected)}
          okText={t('contacts.delete')} cancelText={t('contacts.cancel')} okButtonProps={{ danger: true }}>
          <Button danger loading={remove.isPending}>{t('contacts.delete')}</Button>
        </Popconfirm>
      </Space>
      {error && <Alert type="error" showIcon title={problems.text(error)} closable />}
      <TagDialog ids={selected} known={known} open={tagging} onClose={() => setTagging(false)} onDone={() => {
        setTagging(false);
        onDone();
      }} />
      <MergeDialog ids={selected} open={merging} onClose={() => setMerging(false)} />
    </Space>
  );
}

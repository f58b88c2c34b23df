import { useState, type ReactNode } from 'react';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { useProblems } from '../../problems';
import { nameOf, OUTCOMES, type Outcome, type Pipeline, type PipelineKind, type Stage } from './model';
import { usePipelines } from './queries';

const OUTCOME_COLORS: Record<Outcome, string> = { OPEN: 'blue', WON: 'green', LOST: 'red' };

/**
 * The funnels and their stages (ADMIN): add, rename, reorder, recolour, change what a stage means, remove one
 * (its cards go to a stage the administrator picks, of the same outcome); new funnels of leads or deals.
 */
export function PipelineSettings() {
  const { t } = useTranslation();
  const problems = useProblems();
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  if (pipelines.isPending) return <Spin />;
  if (pipelines.isError) return <Alert type="error" showIcon title={problems.text(pipelines.error)} />;
  return (
    <Card title={t('deals.settings.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('deals.settings.newPipeline')}</Button>}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {pipelines.data.map((p) => <PipelineCard key={p.id} pipeline={p} />)}
      </Space>
      {creating && <NewPipeline onClose={() => setCreating(false)} />}
    </Card>
  );
}

function useSettingsChange() {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  return {
    done: () => {
      void message.success(t('deals.settings.saved'));
      void queries.invalidateQueries({ queryKey: ['deals'] });
    },
    failed: (e: Error) => {
      void message.error(problems.text(e));
      void queries.invalidateQueries({ queryKey: ['deals', 'pipelines'] });
    },
  };
}

function PipelineCard({ pipeline }: { pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const change = useSettingsChange();
  const [moving, setMoving] = useState<Stage | null>(null);
  const base = `/api/deals/pipelines/${pipeline.id}`;
  const rename = useMutation({
    mutationFn: (name: string) => api(base, { method: 'PATCH', body: { name, version: pipeline.version } }),
    onSuccess: change.done,
    onError: change.failed,
  });
  const remove = useMutation({ mutationFn: () => api(base, { method: 'DELETE' }), onSuccess: change.done, onError: change.failed });
  const patchStage = useMutation({
    mutationFn: ({ stage, body }: { stage: Stage; body: Record<string, unknown> }) =>
      api(`${base}/stages/${stage.id}`, { method: 'PATCH', body }),
    onSuccess: change.done,
    onError: change.failed,
  });
  const deleteStage = useMutation({
    mutationFn: ({ stage, moveTo }: { stage: Stage; moveTo?: string }) =>
      api(`${base}/stages/${stage.id}${moveTo ? `?moveTo=${moveTo}` : ''}`, { method: 'DELETE' }),
    onSuccess: () => {
      setMoving(null);
      change.done();
    },
    onError: (e, { stage }) => {
      // the stage holds cards: the administrator says where they go
      if (e instanceof ApiError && e.fieldErrors.some((f) => f.field === 'moveTo') && !moving) setMoving(stage);
      else change.failed(e);
    },
  });
  const [form] = Form.useForm<{ name: string; outcome: Outcome; color: string }>();
  const addStage = useMutation({
    mutationFn: (s: { name: string; outcome: Outcome; color: string }) => api(`${base}/stages`, { method: 'POST', body: s }),
    onSuccess: () => {
      form.resetFields();
      change.done();
    },
    onError: change.failed,
  });
  const title = nameOf(t, 'pipeline', pipeline);
  return (
    <Card type="inner" data-testid="pipeline-settings" data-pipeline={title}
      title={
        <Space>
          <Typography.Text strong editable={{
            onChange: (name) => name.trim() && name.trim() !== title && rename.mutate(name.trim()),
            triggerType: ['icon', 'text'], text: title, tooltip: t('deals.settings.rename'),
          }} data-testid="pipeline-name">{title}</Typography.Text>
          <Tag>{t(`deals.kind.${pipeline.kind}.pipelines`)}</Tag>
        </Space>
      }
      extra={
        <Popconfirm title={t('deals.settings.deletePipeline')} onConfirm={() => remove.mutate()} okButtonProps={{ danger: true }}>
          <Button danger size="small">{t('contacts.delete')}</Button>
        </Popconfirm>
      }>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={(event: DragEndEvent) => {
          const from = pipeline.stages.findIndex((s) => s.id === event.active.id);
          const to = pipeline.stages.findIndex((s) => s.id === event.over?.id);
          if (from < 0 || to < 0 || from === to) return;
          // the new order shows at once; the server's answer (or refusal) replaces it
          queries.setQueryData<Pipeline[]>(['deals', 'pipelines'], (all) => all?.map((p) => p.id !== pipeline.id ? p
            : { ...p, stages: arrayMove(p.stages, from, to) }));
          patchStage.mutate({ stage: pipeline.stages[from], body: { position: to } });
        }} accessibility={{ screenReaderInstructions: { draggable: t('deals.settings.dragHelp') } }}>
          <SortableContext items={pipeline.stages.map((s) => s.id)} strategy={verticalListSortingStrategy}>
            {pipeline.stages.map((stage, index) => (
              <SortableRow key={stage.id} id={stage.id} name={nameOf(t, 'stage', stage)}>
                <input type="color" aria-label={t('deals.settings.color')} defaultValue={stage.color ?? '#d9d9d9'}
                  onBlur={(e) => e.target.value !== stage.color && patchStage.mutate({ stage, body: { color: e.target.value } })} />
                <Input key={`${stage.id}-${stage.name}-${i18n.language}`} aria-label={t('deals.settings.stageName')} defaultValue={nameOf(t, 'stage', stage)} style={{ width: 240 }}
                  onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
                  onBlur={(e) => {
                    const name = e.target.value.trim();
                    if (name && name !== nameOf(t, 'stage', stage)) patchStage.mutate({ stage, body: { name } });
                  }} />
                <Select aria-label={t('deals.settings.outcome')} value={stage.outcome} style={{ width: 150 }}
                  onChange={(outcome: Outcome) => patchStage.mutate({ stage, body: { outcome } })}
                  options={OUTCOMES.map((o) => ({ value: o, label: <Tag color={OUTCOME_COLORS[o]}>{t(`deals.outcome.${o}`)}</Tag> }))} />
                <Button icon={<ArrowUpOutlined />} aria-label={t('deals.settings.up')} disabled={index === 0}
                  onClick={() => patchStage.mutate({ stage, body: { position: index - 1 } })} />
                <Button icon={<ArrowDownOutlined />} aria-label={t('deals.settings.down')} disabled={index === pipeline.stages.length - 1}
                  onClick={() => patchStage.mutate({ stage, body: { position: index + 1 } })} />
                <Popconfirm title={t('deals.settings.deleteStage')} onConfirm={() => deleteStage.mutate({ stage })} okButtonProps={{ danger: true }}>
                  <Button icon={<DeleteOutlined />} danger aria-label={t('deals.settings.deleteStageButton')} />
                </Popconfirm>
              </SortableRow>
            ))}
          </SortableContext>
        </DndContext>
        <Form form={form} layout="inline" onFinish={(s) => addStage.mutate(s)} initialValues={{ outcome: 'OPEN', color: '#1677ff' }} data-testid="add-stage">
          <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 100, message: t('deals.settings.nameRequired') }]}>
            <Input placeholder={t('deals.settings.newStage')} aria-label={t('deals.settings.newStage')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="outcome">
            <Select aria-label={t('deals.settings.outcome')} style={{ width: 150 }} options={OUTCOMES.map((o) => ({ value: o, label: t(`deals.outcome.${o}`) }))} />
          </Form.Item>
          <Form.Item name="color"><Input type="color" aria-label={t('deals.settings.color')} style={{ width: 60 }} /></Form.Item>
          <Button htmlType="submit" loading={addStage.isPending}>{t('deals.settings.addStage')}</Button>
        </Form>
      </Space>
      {moving && (
        <MoveCardsDialog stage={moving} stages={pipeline.stages.filter((s) => s.id !== moving.id && s.outcome === moving.outcome)}
          onCancel={() => setMoving(null)} onMove={(moveTo) => deleteStage.mutate({ stage: moving, moveTo })} />
      )}
    </Card>
  );
}

/** A stage's row, dragged by its handle (or, focused, with space and the arrow keys) to another place. */
function SortableRow({ id, name, children }: { id: string; name: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <div ref={setNodeRef} data-testid="stage-row" data-stage={name}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition, opacity: isDragging ? 0.6 : 1 }}>
      <Space wrap>
        <Button ref={setActivatorNodeRef} type="text" icon={<HolderOutlined />} aria-label={t('deals.settings.drag', { stage: name })}
          style={{ cursor: 'grab' }} {...attributes} {...listeners} />
        {children}
      </Space>
    </div>
  );
}

function MoveCardsDialog({ stage, stages, onCancel, onMove }: { stage: Stage; stages: Stage[]; onCancel: () => void; onMove: (to: string) => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<string | undefined>(stages[0]?.id);
  return (
    <Modal open title={t('deals.settings.moveCards', { stage: nameOf(t, 'stage', stage) })} onCancel={onCancel} okButtonProps={{ disabled: !to, danger: true }}
      okText={t('deals.settings.moveAndDelete')} cancelText={t('contacts.cancel')} onOk={() => to && onMove(to)}>
      {stages.length === 0 ? <Alert type="warning" showIcon title={t('deals.settings.noTarget')} /> : (
        <Select aria-label={t('deals.settings.moveTo')} value={to} onChange={setTo} style={{ width: '100%' }}
          options={stages.map((s) => ({ value: s.id, label: nameOf(t, 'stage', s) }))} />
      )}
    </Modal>
  );
}

function NewPipeline({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const change = useSettingsChange();
  const [form] = Form.useForm<{ name: string; kind: PipelineKind }>();
  const create = useMutation({
    mutationFn: (p: { name: string; kind: PipelineKind }) => api('/api/deals/pipelines', {
      method: 'POST',
      body: {
        name: p.name.trim(), kind: p.kind, stages: [
          { name: t('deals.settings.default.open'), outcome: 'OPEN', color: '#1677ff' },
          { name: t('deals.settings.default.won'), outcome: 'WON', color: '#52c41a' },
          { name: t('deals.settings.default.lost'), outcome: 'LOST', color: '#ff4d4f' },
        ],
      },
    }),
    onSuccess: () => {
      change.done();
      onClose();
    },
    onError: change.failed,
  });
  return (
    <Modal open title={t('deals.settings.newPipeline')} okText={t('contacts.create')} cancelText={t('contacts.cancel')} onCancel={onClose}
      onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" onFinish={(p) => create.mutate(p)} initialValues={{ kind: 'DEAL' }}>
        <Form.Item name="name" label={t('deals.settings.pipelineName')} rules={[{ required: true, whitespace: true, max: 100 }]}><Input /></Form.Item>
        <Form.Item name="kind" label={t('deals.settings.kind')}>
          <Select options={(['LEAD', 'DEAL'] as const).map((k) => ({ value: k, label: t(`deals.kind.${k}.pipelines`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

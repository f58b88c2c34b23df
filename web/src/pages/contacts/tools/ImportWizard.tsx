import { useEffect, useState } from 'react';
import {
  Alert, Button, Card, Descriptions, Progress, Radio, Result, Select, Space, Spin, Statistic, Steps, Table, Tag, Typography, Upload,
} from 'antd';
import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download, upload } from '../../../api';
import {
  CUSTOM_PREFIX, DUPLICATE_POLICIES, fileNameOf, IMPORT_CARDS, importApi, importPath, importPercent, importRunning, initialMapping,
  listPath, mappingErrors, mappingRequest, rejectedReport, sampleValues, saveFile, type Duplicates, type ImportCard, type ImportView,
  type MappedColumn,
} from './model';

/** A refused request as the user should read it: the server's detail and each field's complaint. */
function Problem({ error, title }: { error: Error; title?: string }) {
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert type="error" showIcon data-testid="import-problem" title={title ?? error.message}
      description={fields.length > 0 || title
        ? <>{title && fields.length === 0 && <div>{error.message}</div>}{fields.map((f) => <div key={f.field + f.message}>{f.message}</div>)}</>
        : undefined} />
  );
}

/** Step 1: the file. */
function UploadStep({ card, onUploaded }: { card: ImportCard; onUploaded: (view: ImportView) => void }) {
  const { t } = useTranslation();
  const send = useMutation({
    mutationFn: (file: File) => upload<ImportView>(importApi(card), file, 'POST'),
    onSuccess: onUploaded,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('contactTools.import.intro')}</Typography.Paragraph>
      <div data-testid="import-file">
      <Upload.Dragger accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false} showUploadList={false} disabled={send.isPending}
        beforeUpload={(file) => {
          send.mutate(file);
          // the file goes through the API's own upload, not antd's
          return false;
        }}>
        <div className="ant-upload-drag-icon">{send.isPending ? <Spin /> : <InboxOutlined />}</div>
        <p className="ant-upload-text">{t('contactTools.import.drop')}</p>
        <p className="ant-upload-hint">{t('contactTools.import.formats')}</p>
      </Upload.Dragger>
      </div>
      {send.error && <Problem error={send.error} title={t('contactTools.import.badFile')} />}
    </Space>
  );
}

/** Step 2: which column fills which field, and what to do with duplicates. */
function MappingStep({ card, job, onStarted }: { card: ImportCard; job: ImportView; onStarted: (view: ImportView) => void }) {
  const { t } = useTranslation();
  const kind = IMPORT_CARDS[card];
  const [mapping, setMapping] = useState(() => initialMapping(job));
  const [duplicates, setDuplicates] = useState<Duplicates>(job.duplicates ?? 'SKIP');
  const [sent, setSent] = useState<MappedColumn[]>([]);
  const start = useMutation({
    mutationFn: (request: { mapping: MappedColumn[]; duplicates: Duplicates }) =>
      api<ImportView>(`${importApi(card)}/${job.id}/start`, { method: 'POST', body: request }),
    onSuccess: onStarted,
  });
  const problems = start.error instanceof ApiError ? mappingErrors(start.error.fieldErrors, sent) : { byColumn: {}, general: [] };
  const known = new Set<string>(kind.fields);
  const own = job.fields.filter((f) => known.has(f.field));
  const custom = job.fields.filter((f) => f.field.startsWith(CUSTOM_PREFIX));
  const options = [
    { label: t('contactTools.import.cardFields'), options: own.map((f) => ({ value: f.field, label: t(`${kind.target}${f.field}`) })) },
    ...(custom.length ? [{ label: t('contacts.field.customFields'), options: custom.map((f) => ({ value: f.field, label: f.label })) }] : []),
  ];
  const chosen = mappingRequest(mapping);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
        { key: 'file', label: t('contactTools.import.file'), children: job.fileName },
        { key: 'rows', label: t('contactTools.import.rows'), children: <span data-testid="import-total">{job.totalRows}</span> },
        { key: 'columns', label: t('contactTools.import.columns'), children: job.columns.length },
      ]} />
      <Typography.Text>{t('contactTools.import.mappingIntro')}</Typography.Text>
      <Table rowKey="index" dataSource={job.columns} pagination={false} size="small" data-testid="import-mapping"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('contactTools.import.column'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
          {
            title: t('contactTools.import.samples'),
            key: 'samples',
            render: (_, c) => sampleValues(job.preview, c.index).map((v, i) => <Tag key={i}>{v}</Tag>),
          },
          {
            title: t('contactTools.import.field'),
            key: 'field',
            render: (_, c) => (
              <>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} value={mapping[c.index]} style={{ width: 260 }}
                  placeholder={t('contactTools.import.skipColumn')} options={options}
                  aria-label={t('contactTools.import.fieldFor', { column: c.name })}
                  status={problems.byColumn[c.index] ? 'error' : undefined}
                  onChange={(field?: string) => setMapping((m) => ({ ...m, [c.index]: field }))} />
                {problems.byColumn[c.index] && <div><Typography.Text type="danger">{problems.byColumn[c.index]}</Typography.Text></div>}
              </>
            ),
          },
        ]} />
      <Card size="small" title={t('contactTools.import.duplicates')}>
        <Radio.Group value={duplicates} onChange={(e) => setDuplicates(e.target.value as Duplicates)} aria-label={t('contactTools.import.duplicates')}>
          <Space orientation="vertical">
            {DUPLICATE_POLICIES.map((d) => (
              <Radio key={d} value={d}>
                {t(`contactTools.import.duplicates.${d}`)}
                <Typography.Text type="secondary"> — {t(`${kind.text.duplicatesHelp}${d}.help`)}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Card>
      {start.error && (problems.general.length > 0 || !(start.error instanceof ApiError) || start.error.fieldErrors.length === 0) && (
        <Alert type="error" showIcon title={problems.general.length ? problems.general.join(' ') : start.error.message} />
      )}
      <Button type="primary" disabled={chosen.length === 0} loading={start.isPending}
        onClick={() => {
          setSent(chosen);
          start.mutate({ mapping: chosen, duplicates });
        }}>
        {t('contactTools.import.start')}
      </Button>
    </Space>
  );
}

/** Step 3: the import running, polled until it ends. */
function ProgressStep({ card, job }: { card: ImportCard; job: ImportView }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api<ImportView>(`${importApi(card)}/${job.id}/cancel`, { method: 'POST' }),
    onSuccess: (view) => queries.setQueryData(['import', card, job.id], view),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-progress">
      <Progress percent={importPercent(job)} status="active" />
      <Typography.Text>
        {t('contactTools.import.read', { read: job.rowsRead, total: job.totalRows })}
        {job.stage && <> · {t(job.stage === 'WRITING' ? IMPORT_CARDS[card].text.writing : `contactTools.import.stage.${job.stage}`)}</>}
      </Typography.Text>
      {job.cancelRequested
        ? <Typography.Text type="warning">{t('contactTools.import.cancelling')}</Typography.Text>
        : <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending}>{t('contactTools.import.cancel')}</Button>}
      {cancel.error && <Alert type="error" showIcon title={cancel.error.message} />}
    </Space>
  );
}

/** The rows the import refused, with why, and the report as a file. */
function RejectedRows({ card, job }: { card: ImportCard; job: ImportView }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['import', card, job.id, 'rejected'],
    queryFn: async () => {
      const file = await download(`${importApi(card)}/${job.id}/rejected`);
      return { file, ...rejectedReport(await file.blob.text()) };
    },
    staleTime: Infinity,
  });
  if (report.isPending) return <Spin />;
  if (report.isError) return <Alert type="error" showIcon title={report.error.message} />;
  const { columns, rows, file } = report.data;
  return (
    <Card size="small" title={t('contactTools.import.rejectedTitle')}
      extra={<Button onClick={() => saveFile(file.blob, fileNameOf(file.disposition, 'rejected.csv'))}>
        {t('contactTools.import.downloadRejected')}</Button>}>
      <Table rowKey="row" dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} size="small"
        data-testid="rejected-rows" scroll={{ x: 'max-content' }}
        columns={[
          { title: t('contactTools.import.rowNumber'), dataIndex: 'row' },
          {
            title: t('contactTools.import.reasons'),
            dataIndex: 'reasons',
            render: (reasons: string[]) => reasons.map((r) => <div key={r}><Typography.Text type="danger">{r}</Typography.Text></div>),
          },
          ...columns.map((name, i) => ({ title: name, key: `c${i}`, render: (_: unknown, r: { cells: string[] }) => r.cells[i] })),
        ]} />
    </Card>
  );
}

/** Step 4: what came of it. */
function ResultStep({ card, job, onRetry }: { card: ImportCard; job: ImportView; onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = job.status === 'COMPLETED' ? (job.counts.rejected > 0 ? 'warning' : 'success')
    : job.status === 'CANCELLED' ? 'info' : 'error';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Result status={status} style={{ padding: 16 }} title={<span data-testid="import-result">{t(`contactTools.import.result.${job.status}`)}</span>}
        subTitle={job.status === 'FAILED' ? job.failure ?? undefined : undefined}
        extra={[
          <Button type="primary" key="list" onClick={() => navigate(listPath(card))}>{t(IMPORT_CARDS[card].text.toList)}</Button>,
          ...(job.status !== 'COMPLETED' ? [<Button key="retry" onClick={onRetry}>{t('contactTools.import.retry')}</Button>] : []),
          <Button key="again" onClick={() => navigate(importPath(card))}>{t('contactTools.import.another')}</Button>,
        ]} />
      {job.status === 'COMPLETED' && (
        <Space size="large" wrap data-testid="import-counts">
          <Statistic title={t('contactTools.import.count.created')} value={job.counts.created} />
          <Statistic title={t('contactTools.import.count.updated')} value={job.counts.updated} />
          <Statistic title={t('contactTools.import.count.skipped')} value={job.counts.skipped} />
          <Statistic title={t('contactTools.import.count.rejected')} value={job.counts.rejected} />
        </Space>
      )}
      {job.status === 'COMPLETED' && job.counts.rejected > 0 && <RejectedRows card={card} job={job} />}
    </Space>
  );
}

/**
 * The import of contacts or companies (`002_*` "Import Excel"): file, mapping, progress, outcome; the import's id
 * stays in the address. Both kinds of card have the same import API, each under its own path.
 */
export function ImportWizard({ card }: { card: ImportCard }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [remap, setRemap] = useState(false);
  const job = useQuery({
    queryKey: ['import', card, id],
    queryFn: () => api<ImportView>(`${importApi(card)}/${id}`),
    enabled: !!id,
    retry: false,
    // progress is read every second while the import runs
    refetchInterval: (query) => (query.state.data && importRunning(query.state.data.status) ? 1000 : false),
  });
  const status = id ? job.data?.status : undefined;
  useEffect(() => {
    if (status && status !== 'RUNNING' && status !== 'UPLOADED') {
      // the list the import filled
      void queries.invalidateQueries({ queryKey: [card] });
    }
  }, [status, queries, card]);
  useEffect(() => setRemap(false), [id]);

  const show = (view: ImportView) => {
    queries.setQueryData(['import', card, view.id], view);
    setRemap(false);
    setParams({ id: view.id });
  };
  const step = !id ? 0 : !status || status === 'UPLOADED' || remap ? 1 : status === 'RUNNING' ? 2 : 3;

  let body;
  if (!id) {
    body = <UploadStep card={card} onUploaded={show} />;
  } else if (job.isPending) {
    body = <Spin />;
  } else if (job.isError) {
    body = <Problem error={job.error} />;
  } else if (step === 1) {
    body = <MappingStep key={job.data.id + String(remap)} card={card} job={job.data} onStarted={show} />;
  } else if (step === 2) {
    body = <ProgressStep card={card} job={job.data} />;
  } else {
    body = <ResultStep card={card} job={job.data} onRetry={() => setRemap(true)} />;
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={listPath(card)}><ArrowLeftOutlined /> {t(IMPORT_CARDS[card].text.back)}</Link>
      <Card title={t(IMPORT_CARDS[card].text.title)}>
        <Steps current={step} size="small" style={{ marginBottom: 24 }} items={[
          { title: t('contactTools.import.step.file') },
          { title: t('contactTools.import.step.mapping') },
          { title: t('contactTools.import.step.progress') },
          { title: t('contactTools.import.step.result') },
        ]} />
        {body}
      </Card>
    </Space>
  );
}

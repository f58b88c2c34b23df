import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useProblems } from '../../problems';
import {
  listSentMessages, MESSAGE_CHANNELS, MESSAGE_STATUSES, SENT_MESSAGES_KEY, sentMessageParams,
  type MessageChannel, type MessageStatus, type SentMessage,
} from './api';
import { MESSAGE_STATUS_COLORS, messageTopic, shortError } from './model';

const ALL = 'ALL';

/**
 * The administrator's log of the company's e-mails and SMS (invitations, password resets, notifications), newest
 * first, by channel and status: to whom, about what, and how sending went (attempts, the last error, when it ended).
 */
export function SentMessages() {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const [channel, setChannel] = useState<MessageChannel | typeof ALL>(ALL);
  const [status, setStatus] = useState<MessageStatus | typeof ALL>(ALL);
  const params = sentMessageParams({ channel: channel === ALL ? undefined : channel, status: status === ALL ? undefined : status });
  // the filters are part of the key: changing one starts again from the newest message
  const log = useInfiniteQuery({
    queryKey: [...SENT_MESSAGES_KEY, params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => listSentMessages(params, pageParam || undefined),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const time = (at: string | null) => (at ? new Date(at).toLocaleString(i18n.language) : '');
  const filtered = channel !== ALL || status !== ALL;

  return (
    <Card title={t('sent.title')} extra={
      <Button icon={<ReloadOutlined />} onClick={() => void log.refetch()} loading={log.isRefetching && !log.isFetchingNextPage}
        data-testid="sent-refresh">
        {t('sent.refresh')}
      </Button>
    }>
      <Typography.Paragraph type="secondary">{t('sent.intro')}</Typography.Paragraph>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{t('sent.channel')}</Typography.Text>
          <Segmented<MessageChannel | typeof ALL> value={channel} onChange={setChannel} data-testid="sent-channel"
            options={[{ value: ALL, label: t('sent.all') }, ...MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`sent.channel.${c}`) }))]} />
        </Space>
        <Space>
          <Typography.Text>{t('sent.status')}</Typography.Text>
          <Segmented<MessageStatus | typeof ALL> value={status} onChange={setStatus} data-testid="sent-status-filter"
            options={[{ value: ALL, label: t('sent.all') }, ...MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`sent.status.${s}`) }))]} />
        </Space>
      </Space>
      {log.error && <Alert type="error" showIcon title={problems.text(log.error)} style={{ marginBottom: 12 }} />}
      <Table<SentMessage> rowKey="id" dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} data-testid="sent-messages"
        loading={log.isPending || log.isPlaceholderData}
        locale={{ emptyText: t(filtered ? 'sent.emptyFiltered' : 'sent.empty') }}
        onRow={(m) => ({ 'data-testid': 'sent-row', 'data-recipient': m.recipient, 'data-status': m.status } as HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('sent.when'), dataIndex: 'createdAt', render: time },
          { title: t('sent.channel'), dataIndex: 'channel', render: (c: MessageChannel) => t(`sent.channel.${c}`) },
          { title: t('sent.recipient'), dataIndex: 'recipient' },
          {
            title: t('sent.subject'),
            render: (_, m) => <span data-testid="sent-subject">{messageTopic(m, t)}</span>,
          },
          {
            title: t('sent.status'),
            render: (_, m) => (
              <Space orientation="vertical" size={0}>
                <Tag color={MESSAGE_STATUS_COLORS[m.status]} data-testid="sent-status">{t(`sent.status.${m.status}`)}</Tag>
                {m.status === 'PENDING' && m.nextAttemptAt && (
                  <Typography.Text type="secondary">{t('sent.nextAttempt', { at: time(m.nextAttemptAt) })}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('sent.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: t('sent.lastError'),
            dataIndex: 'lastError',
            render: (error: string | null) => error && (
              <Tooltip title={<span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>}>
                <Typography.Text type="danger" data-testid="sent-error">{shortError(error)}</Typography.Text>
              </Tooltip>
            ),
          },
          { title: t('sent.finishedAt'), dataIndex: 'finishedAt', render: time },
        ]} />
      {log.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="sent-more">
          {t('sent.more')}
        </Button>
      )}
    </Card>
  );
}

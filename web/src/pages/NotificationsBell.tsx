import { useState } from 'react';
import { Alert, Badge, Button, Empty, List, Popover, Space, Spin, Typography } from 'antd';
import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useProblems } from '../problems';
import {
  listNotifications, markAllRead, markRead, NOTIFICATIONS_KEY, unreadCount, type Notification,
} from './notifications/api';
import { notificationPath } from './notifications/model';

/**
 * The bell in the header: how many notifications are unread, and the latest ones; a click opens the card one is
 * about and marks it read. New ones arrive over the real-time connection (RealtimeBridge refreshes these queries).
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'unread'], queryFn: unreadCount });
  const count = unread.data?.count ?? 0;
  const refresh = () => void queries.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const read = useMutation({ mutationFn: markRead, onSettled: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSettled: refresh });

  const follow = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    const path = notificationPath(n);
    if (path) {
      setOpen(false);
      navigate(path);
    }
  };

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} destroyOnHidden
      title={
        <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
          {t('bell.title')}
          <Space size={4}>
            <Button size="small" type="link" disabled={count === 0} loading={readAll.isPending} data-testid="bell-read-all"
              onClick={() => readAll.mutate()}>{t('bell.readAll')}</Button>
            <Button size="small" type="text" icon={<SettingOutlined />} aria-label={t('bell.preferences')}
              onClick={() => {
                setOpen(false);
                navigate('/settings/notifications');
              }} />
          </Space>
        </Space>
      }
      content={<BellList onFollow={follow} />}>
      <Badge count={count} size="small" data-testid="bell-count">
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={t('bell.title')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}

function BellList({ onFollow }: { onFollow: (n: Notification) => void }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const list = useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => listNotifications(pageParam || undefined),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (list.isPending) return <Spin />;
  if (list.isError) return <Alert type="error" showIcon title={problems.text(list.error)} style={{ width: 360 }} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} data-testid="bell-empty" />;
  }
  return (
    <div style={{ width: 380, maxHeight: 480, overflowY: 'auto' }} data-testid="bell-list">
      <List<Notification> size="small" dataSource={items}
        renderItem={(n) => (
          <List.Item key={n.id} data-testid="notification" data-read={n.readAt ? 'true' : 'false'}
            style={{ cursor: 'pointer', background: n.readAt ? undefined : '#e6f4ff', paddingInline: 8 }}
            onClick={() => onFollow(n)}>
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Space>
                {!n.readAt && <Badge status="processing" />}
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              </Space>
              {n.body && <Typography.Text type="secondary">{n.body}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(n.createdAt).toLocaleString(i18n.language)}</Typography.Text>
            </Space>
          </List.Item>
        )} />
      {list.hasNextPage && (
        <Button size="small" block onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('bell.more')}</Button>
      )}
    </div>
  );
}

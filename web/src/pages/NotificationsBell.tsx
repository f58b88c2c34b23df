import { Badge, Button, Empty, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * The bell in the header. In-app notifications arrive with notifications-service; until then the list is
 * empty, and the bell already has its place, its label and its panel.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  return (
    <Popover trigger="click" placement="bottomRight" title={t('bell.title')}
      content={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} data-testid="bell-empty" />}>
      <Badge count={0} size="small">
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={t('bell.title')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}

import { App as AntApp, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download } from '../../../api';
import { fileNameOf, saveFile } from './model';
import { useProblems } from '../../../problems';

/** Downloads the list as the user filtered and sorted it, as CSV or XLSX, with headers in the user's language. */
export function ExportButton({ params }: { params: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const exporting = useMutation({
    mutationFn: async (format: 'csv' | 'xlsx') => {
      const query = new URLSearchParams(params);
      query.set('format', format);
      const file = await download(`/api/contacts/export?${query}`, { 'Accept-Language': i18n.language });
      saveFile(file.blob, fileNameOf(file.disposition, `contacts.${format}`));
    },
    onError: (e) => void message.error(problems.text(e)),
  });
  return (
    <Dropdown trigger={['click']} menu={{
      items: [
        { key: 'csv', label: t('contactTools.export.csv') },
        { key: 'xlsx', label: t('contactTools.export.xlsx') },
      ],
      onClick: ({ key }) => exporting.mutate(key as 'csv' | 'xlsx'),
    }}>
      <Button icon={<DownloadOutlined />} loading={exporting.isPending}>{t('contactTools.export.button')}</Button>
    </Dropdown>
  );
}

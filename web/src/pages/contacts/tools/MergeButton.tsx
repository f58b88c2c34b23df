import { useState } from 'react';
import { Button } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MergeDialog } from './MergeDialog';

/** The card's way into a merge: find the other card of the same person, then pick the one to keep. */
export function MergeButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<MergeCellsOutlined />} onClick={() => setOpen(true)}>{t('contactTools.merge.with')}</Button>
      <MergeDialog ids={[id]} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

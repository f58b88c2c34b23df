import { useEffect, useState } from 'react';
import { App as AntApp, Avatar, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download, upload } from '../../../api';
import type { Contact } from '../model';
import { avatarColor, initials, PHOTO_MAX_MB, PHOTO_TYPES, photoPath, photoProblem } from './photo';

/** An address an <img> can show for the blob, made while the component shows it and given back after. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return undefined;
    }
    const address = URL.createObjectURL(blob);
    setUrl(address);
    return () => URL.revokeObjectURL(address);
  }, [blob]);
  return url;
}

/**
 * A contact's photo (`thumb`: its 64-pixel thumbnail, for lists), or their initials when there is none. The
 * image needs the session's token, so it is fetched as a blob and kept under its version: a new photo is a new
 * version, and the old one is never asked for again.
 */
export function ContactAvatar({ id, name, photoVersion, size = 32, thumb = false }: {
  id: string;
  name: string;
  photoVersion: string | null;
  size?: number;
  thumb?: boolean;
}) {
  const { t } = useTranslation();
  const photo = useQuery({
    queryKey: ['contact', id, 'photo', thumb ? 'thumb' : 'full', photoVersion],
    queryFn: async () => (await download(photoPath(id, photoVersion!, thumb))).blob,
    enabled: !!photoVersion,
    staleTime: Infinity,
    retry: false,
  });
  const url = useObjectUrl(photoVersion ? photo.data : undefined);
  return url
    ? <Avatar src={url} size={size} alt={t('contactPhoto.alt', { name })} data-testid={thumb ? 'contact-thumb' : 'contact-photo'} />
    : (
      <Avatar size={size} style={{ backgroundColor: avatarColor(id), flexShrink: 0 }} data-testid="contact-initials">
        {initials(name)}
      </Avatar>
    );
}

/** The photo on the card, and for those who may change the card: upload (a click on the photo too) and remove. */
export function ContactPhotoSection({ contact, editable }: { contact: Contact; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const changed = () => {
    void queries.invalidateQueries({ queryKey: ['contact', contact.id, 'history'] });
    void queries.invalidateQueries({ queryKey: ['contacts'] });
  };
  const refused = (e: Error) => {
    if (e instanceof ApiError && e.status === 413) {
      void message.error(t('contactPhoto.tooLarge', { max: PHOTO_MAX_MB }));
    } else if (e instanceof ApiError && e.fieldErrors.some((f) => f.field === 'file')) {
      void message.error(t('contactPhoto.unreadable'));
    } else {
      void message.error(e instanceof ApiError ? e.message : t('error.generic'));
    }
  };
  const save = useMutation({
    mutationFn: (file: Blob) => upload<Contact>(`/api/contacts/${contact.id}/photo`, file),
    onSuccess: (updated) => {
      // the card's new version too: an edit made next must not be refused as stale
      queries.setQueryData(['contact', contact.id], updated);
      changed();
      void message.success(t('contactPhoto.saved'));
    },
    onError: refused,
  });
  const remove = useMutation({
    mutationFn: () => api(`/api/contacts/${contact.id}/photo`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['contact', contact.id], exact: true });
      changed();
      void message.success(t('contactPhoto.removed'));
    },
    onError: refused,
  });

  const avatar = <ContactAvatar id={contact.id} name={contact.displayName} photoVersion={contact.photoVersion} size={96} />;
  if (!editable) {
    return avatar;
  }
  return (
    <Space align="center" size="middle" wrap data-testid="contact-photo-section">
      <Upload accept={PHOTO_TYPES.join(',')} showUploadList={false} disabled={save.isPending} data-testid="contact-photo-upload"
        beforeUpload={(file) => {
          const problem = photoProblem(file);
          if (problem) {
            void message.error(problem === 'type' ? t('contactPhoto.wrongType') : t('contactPhoto.tooLarge', { max: PHOTO_MAX_MB }));
            return Upload.LIST_IGNORE;
          }
          save.mutate(file);
          return false;
        }}>
        <Space align="center" size="middle" style={{ cursor: 'pointer' }}>
          {avatar}
          <Button icon={<UploadOutlined />} loading={save.isPending}>
            {contact.photoVersion ? t('contactPhoto.change') : t('contactPhoto.upload')}
          </Button>
        </Space>
      </Upload>
      {contact.photoVersion && (
        <Popconfirm title={t('contactPhoto.removeConfirm')} onConfirm={() => remove.mutate()}>
          <Button icon={<DeleteOutlined />} loading={remove.isPending}>{t('contactPhoto.remove')}</Button>
        </Popconfirm>
      )}
      <Typography.Text type="secondary">{t('contactPhoto.hint', { max: PHOTO_MAX_MB })}</Typography.Text>
    </Space>
  );
}

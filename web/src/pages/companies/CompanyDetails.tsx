import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api';
import { EditableText, Field, NotesField, TagsField } from '../contacts/ContactDetails';
import { OwnerSelect } from '../contacts/OwnerSelect';
import type { ContactPatch } from '../contacts/useContactPatch';
import type { StaffMember } from '../contacts/model';
import { CustomFieldValues } from '../contacts/tools/CustomFieldValues';
import type { Company } from './model';

/** The company card's fields and its custom fields, each saved on its own as the user changes it (read-only for a marketer). */
export function CompanyDetails({ company: c, me, staff, ownerName, editable, patch }: {
  company: Company;
  me: Me;
  staff: StaffMember[];
  ownerName: string | null;
  editable: boolean;
  patch: ContactPatch;
}) {
  const { t, i18n } = useTranslation();
  const field = (name: string, children: ReactNode) => ({
    key: name, label: t(`companies.field.${name}`), children: <Field name={name} errors={patch.errors}>{children}</Field>,
  });
  const text = (name: 'name' | 'taxId' | 'industry', maxLength: number) =>
    field(name, <EditableText value={c[name]} editable={editable} maxLength={maxLength} onSave={(v) => patch.change({ [name]: v })} />);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}
        items={[
          text('name', 200),
          text('taxId', 20),
          text('industry', 100),
          field('ownerId', editable
            ? <OwnerSelect me={me} staff={staff} value={c.ownerId} aria-label={t('companies.field.ownerId')}
                onChange={(ownerId) => patch.change({ ownerId })} />
            : ownerName ?? t('contacts.unassigned')),
          field('tags', <TagsField list="companies/tags" tags={c.tags} editable={editable} onSave={(tags) => patch.change({ tags })} />),
        ]} />
      <CustomFieldValues entity="COMPANY" values={c.customFields} editable={editable} patch={patch} />
      <Card size="small" title={t('companies.field.notes')}>
        <Field name="notes" errors={patch.errors}>
          <NotesField notes={c.notes} editable={editable} onSave={(notes) => patch.save({ notes })} />
        </Field>
      </Card>
      <Typography.Text type="secondary">
        {t('contacts.createdAt', { at: new Date(c.createdAt).toLocaleString(i18n.language) })}
        {' · '}
        {t('contacts.updatedAt', { at: new Date(c.updatedAt).toLocaleString(i18n.language) })}
      </Typography.Text>
    </Space>
  );
}

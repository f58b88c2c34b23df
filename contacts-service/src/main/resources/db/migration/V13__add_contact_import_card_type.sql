-- Companies are imported from CSV and XLSX as contacts are, by the same jobs: each import says which kind
-- of card it writes. Nothing is renamed and the default stays, so that an instance still running the
-- previous version (which imports only contacts) keeps working during an update.
alter table contact_import add column card_type varchar(10) not null default 'CONTACT'
    check (card_type in ('CONTACT', 'COMPANY'));
comment on column contact_import_announcement.contact_id is
    'the card the import wrote: a contact, or a company for an import of companies';

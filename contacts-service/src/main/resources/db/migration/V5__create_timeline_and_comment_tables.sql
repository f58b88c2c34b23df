-- The communication history of a client (001_* 3.2): entries a manager adds by hand and, later, entries
-- projected from other services' events (calls, deals, orders, tasks, chats, e-mails).
create table timeline_entry
(
    id              uuid                     not null primary key,
    tenant_id       uuid                     not null,
    contact_id      uuid references contact (id),
    company_id      uuid references company (id),
    occurred_at     timestamp with time zone not null,
    channel         varchar(20)              not null,
    direction       varchar(3),
    summary         text                     not null,
    link_type       varchar(20),
    link_id         varchar(100),
    source          varchar(60)              not null,
    -- the event an entry was projected from: one entry per event, however often it arrives
    source_event_id uuid unique,
    author_id       uuid,
    created_at      timestamp with time zone not null,
    check (contact_id is not null or company_id is not null)
);
create index timeline_contact_idx on timeline_entry (contact_id, occurred_at desc, id desc) where contact_id is not null;
create index timeline_company_idx on timeline_entry (company_id, occurred_at desc, id desc) where company_id is not null;

-- Comments on a card, with the colleagues they mention
create table comment
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null,
    contact_id uuid references contact (id),
    company_id uuid references company (id),
    author_id  uuid                     not null,
    body       text                     not null,
    mentions   uuid[]                   not null default '{}',
    created_at timestamp with time zone not null,
    edited_at  timestamp with time zone,
    check (contact_id is not null or company_id is not null)
);
create index comment_contact_idx on comment (contact_id, created_at desc, id desc) where contact_id is not null;
create index comment_company_idx on comment (company_id, created_at desc, id desc) where company_id is not null;

-- A merged contact is kept (deleted) with the card it went into, so its old links and history still resolve
alter table contact add column merged_into uuid references contact (id);
create index contact_merged_into_idx on contact (merged_into) where merged_into is not null;

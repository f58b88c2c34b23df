-- The whole client card (001_* 3.2, 002_* 2.1.21): names, kind, status, owner, tags, preferences, custom
-- fields, and any number of typed contact points; plus the change history (Hibernate Envers).

-- trigram matching for name fragments with typos; both extensions are trusted (a database owner may add them)
create extension if not exists pg_trgm;

alter table contact
    add column kind                varchar(20)  not null default 'PERSON',
    add column middle_name         varchar(100),
    add column birth_date          date,
    add column position            varchar(100),
    add column vip                 boolean      not null default false,
    add column source              varchar(100),
    add column status              varchar(20)  not null default 'LEAD',
    add column tags                text[]       not null default '{}',
    add column news_consent        boolean      not null default false,
    add column payment_preference  varchar(200),
    add column delivery_preference varchar(200),
    add column notes               text,
    add column custom_fields       jsonb        not null default '{}',
    -- lower-cased names without accents, for the one search box
    add column search_name         text         not null default '',
    add column created_by          uuid,
    add column deleted_at          timestamp with time zone;

update contact set search_name = lower(concat_ws(' ', last_name, first_name));

-- the primary e-mail and phone stay on the row itself, so the list needs no join
alter table contact alter column phone type varchar(20);

create table contact_point
(
    contact_id uuid         not null references contact (id) on delete cascade,
    position   int          not null,
    tenant_id  uuid         not null,
    kind       varchar(20)  not null,
    label      varchar(50),
    value      varchar(500) not null,
    -- what lookups compare: E.164 digits of a phone, a lower-cased e-mail, a trimmed lower-cased rest
    search_key varchar(500) not null,
    is_primary boolean      not null default false,
    primary key (contact_id, position)
);
-- duplicate checks and exact lookups: "who has this phone / e-mail in my company"
create index contact_point_lookup_idx on contact_point (search_key, kind);
-- phone digits typed in part ("123 45 67") and e-mail fragments
create index contact_point_search_trgm_idx on contact_point using gin (search_key gin_trgm_ops);

insert into contact_point (contact_id, position, tenant_id, kind, value, search_key, is_primary)
select id, 0, tenant_id, 'EMAIL', email, lower(email), true from contact where email is not null;
insert into contact_point (contact_id, position, tenant_id, kind, value, search_key, is_primary)
select id, 1, tenant_id, 'PHONE', phone, regexp_replace(phone, '[^0-9]', '', 'g'), true from contact where phone is not null;

-- the list: newest changes first, by name, by creation; every index leads with the tenant
drop index contact_tenant_created_idx;
create index contact_tenant_created_idx on contact (tenant_id, created_at desc, id desc) where deleted_at is null;
create index contact_tenant_updated_idx on contact (tenant_id, updated_at desc, id desc) where deleted_at is null;
create index contact_tenant_name_idx on contact (tenant_id, search_name, id) where deleted_at is null;
create index contact_tenant_owner_idx on contact (tenant_id, owner_id, updated_at desc, id desc) where deleted_at is null;
create index contact_search_name_trgm_idx on contact using gin (search_name gin_trgm_ops);
create index contact_tags_idx on contact using gin (tags);
create index contact_custom_fields_idx on contact using gin (custom_fields jsonb_path_ops);

-- Envers: one revision per transaction that changed audited data, with who made it and for which company
create sequence revision_seq increment by 50;
create table revision
(
    id        bigint                   not null primary key,
    at        timestamp with time zone not null,
    tenant_id uuid,
    actor_id  uuid
);

create table contact_aud
(
    id                  uuid    not null,
    rev                 bigint  not null references revision (id),
    revtype             smallint,
    tenant_id           uuid,
    kind                varchar(20),
    first_name          varchar(100),
    middle_name         varchar(100),
    last_name           varchar(100),
    birth_date          date,
    position            varchar(100),
    owner_id            uuid,
    vip                 boolean,
    source              varchar(100),
    status              varchar(20),
    tags                text[],
    news_consent        boolean,
    payment_preference  varchar(200),
    delivery_preference varchar(200),
    notes               text,
    custom_fields       jsonb,
    primary key (id, rev)
);

-- a changed point is a removal and an addition at the same position within one revision
create table contact_point_aud
(
    rev        bigint       not null references revision (id),
    revtype    smallint     not null,
    contact_id uuid         not null,
    position   int          not null,
    tenant_id  uuid,
    kind       varchar(20),
    label      varchar(50),
    value      varchar(500),
    search_key varchar(500),
    is_primary boolean,
    primary key (rev, contact_id, position, revtype)
);

-- A company's own settings for its client base
create table tenant_settings
(
    tenant_id      uuid       not null primary key,
    default_region varchar(2) not null
);

-- Custom fields an ADMIN defines per kind of card (contacts, companies); values live in custom_fields (jsonb)
create table custom_field
(
    id         uuid         not null primary key,
    tenant_id  uuid         not null,
    entity     varchar(20)  not null,
    key        varchar(50)  not null,
    label      varchar(100) not null,
    type       varchar(20)  not null,
    options    text[]       not null default '{}',
    position   int          not null,
    created_at timestamp with time zone not null,
    unique (tenant_id, entity, key)
);

-- Companies (organisations), their contact points and their contact persons
create table company
(
    id            uuid                     not null primary key,
    tenant_id     uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    name          varchar(200)             not null,
    tax_id        varchar(20),
    industry      varchar(100),
    owner_id      uuid,
    tags          text[]                   not null default '{}',
    notes         text,
    custom_fields jsonb                    not null default '{}',
    email         varchar(254),
    phone         varchar(40),
    search_name   text                     not null,
    created_by    uuid,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    deleted_at    timestamp with time zone,
    version       bigint                   not null default 0
);
create index company_tenant_updated_idx on company (tenant_id, updated_at desc, id desc) where deleted_at is null;
create index company_tenant_name_idx on company (tenant_id, search_name, id) where deleted_at is null;
create index company_tenant_owner_idx on company (tenant_id, owner_id, updated_at desc, id desc) where deleted_at is null;
create index company_tax_id_idx on company (tenant_id, tax_id) where deleted_at is null;
create index company_search_name_trgm_idx on company using gin (search_name gin_trgm_ops);
create index company_custom_fields_idx on company using gin (custom_fields jsonb_path_ops);

create table company_point
(
    company_id uuid         not null references company (id) on delete cascade,
    position   int          not null,
    tenant_id  uuid         not null,
    kind       varchar(20)  not null,
    label      varchar(50),
    value      varchar(500) not null,
    search_key varchar(500) not null,
    is_primary boolean      not null default false,
    primary key (company_id, position)
);
create index company_point_lookup_idx on company_point (search_key, kind);
create index company_point_search_trgm_idx on company_point using gin (search_key gin_trgm_ops);

-- a contact person of a company, with their position there; a person may work for several companies
create table company_member
(
    company_id uuid         not null references company (id) on delete cascade,
    contact_id uuid         not null references contact (id) on delete cascade,
    tenant_id  uuid         not null,
    position   varchar(100),
    since      timestamp with time zone not null,
    primary key (company_id, contact_id)
);
create index company_member_contact_idx on company_member (contact_id);

create table company_aud
(
    id            uuid     not null,
    rev           bigint   not null references revision (id),
    revtype       smallint,
    tenant_id     uuid,
    name          varchar(200),
    tax_id        varchar(20),
    industry      varchar(100),
    owner_id      uuid,
    tags          text[],
    notes         text,
    custom_fields jsonb,
    primary key (id, rev)
);

create table company_point_aud
(
    rev        bigint       not null references revision (id),
    revtype    smallint     not null,
    company_id uuid         not null,
    position   int          not null,
    tenant_id  uuid,
    kind       varchar(20),
    label      varchar(50),
    value      varchar(500),
    search_key varchar(500),
    is_primary boolean,
    primary key (rev, company_id, position, revtype)
);

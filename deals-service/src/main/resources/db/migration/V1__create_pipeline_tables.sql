-- Pipelines (funnels) and their ordered stages. A seeded pipeline or stage has a code (the web app
-- translates it) and no name until an ADMIN renames it; one an ADMIN added has a name. Stages and
-- pipelines are retired (deleted_at), never removed, so the stage history of leads and deals keeps them.
create table pipeline
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    kind       varchar(10)              not null check (kind in ('LEAD', 'DEAL')),
    code       varchar(50),
    name       varchar(100),
    position   integer                  not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    deleted_at timestamp with time zone,
    version    bigint                   not null default 0,
    check (code is not null or name is not null)
);
-- seeding inserts "on conflict do nothing" on this: a company gets each seeded pipeline once
create unique index pipeline_tenant_code_uq on pipeline (tenant_id, code) where code is not null;
create index pipeline_tenant_idx on pipeline (tenant_id, kind, position) where deleted_at is null;

create table stage
(
    id          uuid                     not null primary key,
    tenant_id   uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    pipeline_id uuid                     not null references pipeline (id),
    code        varchar(50),
    name        varchar(100),
    position    integer                  not null,
    outcome     varchar(10)              not null check (outcome in ('OPEN', 'WON', 'LOST')),
    color       varchar(20),
    deleted_at  timestamp with time zone,
    check (code is not null or name is not null)
);
create index stage_pipeline_idx on stage (pipeline_id, position);

-- The companies whose pipelines were seeded (on tenant.created, or on first use if that came first).
create table seeded_tenant
(
    tenant_id uuid                     not null primary key,
    seeded_at timestamp with time zone not null
);

-- The last number given to a lead or a deal of each company (#123 on the card).
create table card_number
(
    tenant_id uuid        not null,
    kind      varchar(10) not null,
    last      bigint      not null,
    primary key (tenant_id, kind)
);

create extension if not exists pg_trgm;
create extension if not exists btree_gin;

-- Leads (`002_*` 2.1.1): a potential client's request, worked through a lead pipeline until it is
-- converted into a deal or lost. Until it is linked to a contact it keeps a snapshot of who asked.
create table lead
(
    id            uuid                     not null primary key,
    tenant_id     uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    number        bigint                   not null,
    pipeline_id   uuid                     not null references pipeline (id),
    stage_id      uuid                     not null references stage (id),
    status        varchar(10)              not null check (status in ('OPEN', 'CONVERTED', 'LOST')),
    contact_id    uuid,
    contact_name  varchar(200),
    phone         varchar(20),
    email         varchar(254),
    company_id    uuid,
    source        varchar(50),
    source_detail varchar(200),
    campaign_id   uuid,
    promotion_id  uuid,
    owner_id      uuid,
    comment       text,
    lost_reason   varchar(500),
    deal_id       uuid,
    created_by    uuid,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    closed_at     timestamp with time zone,
    version       bigint                   not null default 0,
    -- what the search box of the board and of the list looks in
    search_text   text generated always as (lower(coalesce(contact_name, '') || ' ' || coalesce(phone, '') || ' '
        || coalesce(email, '') || ' ' || coalesce(source_detail, '') || ' ' || coalesce(comment, ''))) stored
);
create unique index lead_tenant_number_uq on lead (tenant_id, number);
-- a column of the board: its cards newest first, a page at a time; counts per stage from the same index
create index lead_board_idx on lead (tenant_id, stage_id, created_at desc, id desc) include (owner_id);
-- the list of all leads and deals, newest first
create index lead_tenant_created_idx on lead (tenant_id, created_at desc, id desc);
create index lead_search_idx on lead using gin (tenant_id, search_text gin_trgm_ops);
create index lead_contact_idx on lead (tenant_id, contact_id) where contact_id is not null;

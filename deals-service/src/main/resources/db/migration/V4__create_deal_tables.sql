-- Deals (`002_*` 2.1.2, 2.1.11, 2.2.3): what a client buys, worked through a deal pipeline until won or
-- lost; its status follows the outcome of its stage. With lines, its amount is their total.
create table deal
(
    id                  uuid                     not null primary key,
    tenant_id           uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    number              bigint                   not null,
    title               varchar(200),
    amount              numeric(19, 2)           not null check (amount >= 0),
    currency            varchar(3)               not null check (currency ~ '^[A-Z]{3}$'),
    pipeline_id         uuid                     not null references pipeline (id),
    stage_id            uuid                     not null references stage (id),
    status              varchar(10)              not null check (status in ('OPEN', 'WON', 'LOST')),
    owner_id            uuid,
    contact_id          uuid,
    contact_name        varchar(200),
    company_id          uuid,
    lead_id             uuid references lead (id),
    payment_status      varchar(20)              not null,
    payment_type        varchar(20),
    shop_order_id       varchar(100),
    expected_close_date date,
    lost_reason         varchar(500),
    source              varchar(50),
    source_detail       varchar(200),
    campaign_id         uuid,
    promotion_id        uuid,
    promo_code          varchar(50),
    comment             text,
    created_by          uuid,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    closed_at           timestamp with time zone,
    version             bigint                   not null default 0,
    search_text         text generated always as (lower(coalesce(title, '') || ' ' || coalesce(contact_name, '') || ' '
        || coalesce(source_detail, '') || ' ' || coalesce(shop_order_id, '') || ' ' || coalesce(promo_code, '') || ' '
        || coalesce(comment, ''))) stored
);
create unique index deal_tenant_number_uq on deal (tenant_id, number);
-- the shop integration finds (and never duplicates) the deal of an order by the shop's id
create unique index deal_tenant_shop_order_uq on deal (tenant_id, shop_order_id) where shop_order_id is not null;
-- a lead becomes at most one deal, even when two conversions race
create unique index deal_tenant_lead_uq on deal (tenant_id, lead_id) where lead_id is not null;
-- a column of the board: its cards newest first, a page at a time
create index deal_board_idx on deal (tenant_id, stage_id, created_at desc, id desc);
-- the board's counts and sums per stage and currency, read from the index alone at 100,000 deals, also when
-- filtered by what the board filters on (responsible, payment status, source, creation time)
create index deal_board_totals_idx on deal (tenant_id, pipeline_id, stage_id, currency)
    include (amount, owner_id, payment_status, source, created_at);
create index deal_tenant_created_idx on deal (tenant_id, created_at desc, id desc);
create index deal_search_idx on deal using gin (tenant_id, search_text gin_trgm_ops);
create index deal_contact_idx on deal (tenant_id, contact_id) where contact_id is not null;

create table deal_line
(
    id               uuid           not null primary key,
    tenant_id        uuid           not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    deal_id          uuid           not null references deal (id) on delete cascade,
    position         integer        not null,
    product_id       uuid           not null references product (id),
    name             varchar(200)   not null,
    quantity         numeric(19, 3) not null check (quantity > 0),
    unit_price       numeric(19, 2) not null check (unit_price >= 0),
    discount_percent numeric(5, 2)  not null check (discount_percent between 0 and 100),
    line_total       numeric(19, 2) not null check (line_total >= 0)
);
create index deal_line_deal_idx on deal_line (deal_id, position);

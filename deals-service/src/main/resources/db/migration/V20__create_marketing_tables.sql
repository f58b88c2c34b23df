-- The marketing side (`003_*`: advertising campaigns; `002_*` 2.1.4-2.1.7: promotions, discounts and promo
-- codes on a calendar). Leads and deals point at them by campaign_id, promotion_id and promo_code; the
-- numbers attributed to each are counted from those columns, never kept here.

-- An advertising campaign: what it promotes, where, for how much and when. Its status is derived from its
-- dates unless a marketer set one (status not null).
create table campaign
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    name       varchar(200)             not null,
    product_id uuid references product (id),
    channel    varchar(20)              not null,
    budget     numeric(19, 2)           not null check (budget >= 0),
    currency   varchar(3)               not null check (currency ~ '^[A-Z]{3}$'),
    start_date date                     not null,
    end_date   date check (end_date >= start_date),
    status     varchar(10) check (status in ('PLANNED', 'ACTIVE', 'FINISHED')),
    owner_id   uuid,
    created_by uuid,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null default 0
);
create index campaign_tenant_start_idx on campaign (tenant_id, start_date desc, id);
-- what the ROI numbers count: a company's leads and deals by campaign
create index lead_campaign_idx on lead (tenant_id, campaign_id) where campaign_id is not null;
create index deal_campaign_idx on deal (tenant_id, campaign_id) where campaign_id is not null;

-- Promotions ("1+1=3", a gift) and discounts (percent, fixed amount, free delivery): the same shape, shown as
-- two kinds of the marketing calendar.
create table promotion
(
    id          uuid                     not null primary key,
    tenant_id   uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    type        varchar(10)              not null check (type in ('PROMOTION', 'DISCOUNT')),
    name        varchar(200)             not null,
    description text,
    mechanic    varchar(20)              not null,
    value       numeric(19, 2) check (value >= 0),
    currency    varchar(3) check (currency ~ '^[A-Z]{3}$'),
    start_date  date                     not null,
    end_date    date check (end_date >= start_date),
    created_by  uuid,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null default 0
);
create index promotion_tenant_period_idx on promotion (tenant_id, start_date, end_date);
create index lead_promotion_idx on lead (tenant_id, promotion_id) where promotion_id is not null;
create index deal_promotion_idx on deal (tenant_id, promotion_id) where promotion_id is not null;

-- The products a promotion applies to (none: the whole catalogue).
create table promotion_product
(
    promotion_id uuid not null references promotion (id) on delete cascade,
    product_id   uuid not null references product (id),
    tenant_id    uuid not null,
    primary key (promotion_id, product_id)
);
create index promotion_product_product_idx on promotion_product (tenant_id, product_id);

-- A promo code: unique in the company whatever its letter case; it may grant a promotion's terms or its own.
create table promo_code
(
    id           uuid                     not null primary key,
    tenant_id    uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    code         varchar(50)              not null,
    description  text,
    promotion_id uuid references promotion (id),
    mechanic     varchar(20),
    value        numeric(19, 2) check (value >= 0),
    currency     varchar(3) check (currency ~ '^[A-Z]{3}$'),
    usage_limit  integer check (usage_limit > 0),
    start_date   date                     not null,
    end_date     date check (end_date >= start_date),
    created_by   uuid,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null default 0
);
create unique index promo_code_tenant_code_uq on promo_code (tenant_id, lower(code));
create index promo_code_tenant_period_idx on promo_code (tenant_id, start_date, end_date);
-- a code's uses are the deals that carry it, matched as the unique index does
create index deal_promo_code_idx on deal (tenant_id, lower(promo_code)) where promo_code is not null;

-- Contracts (`003_*`: title, service, document, period, amount) with a client, seen as the deals of the
-- same owner are.
create table contract
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    title      varchar(200)             not null,
    product_id uuid references product (id),
    contact_id uuid,
    company_id uuid,
    deal_id    uuid references deal (id),
    amount     numeric(19, 2)           not null check (amount >= 0),
    currency   varchar(3)               not null check (currency ~ '^[A-Z]{3}$'),
    start_date date                     not null,
    end_date   date check (end_date >= start_date),
    status     varchar(10)              not null check (status in ('DRAFT', 'ACTIVE', 'COMPLETED', 'TERMINATED')),
    owner_id   uuid,
    created_by uuid,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null default 0,
    check (contact_id is not null or company_id is not null)
);
create index contract_tenant_start_idx on contract (tenant_id, start_date desc, id);
create index contract_contact_idx on contract (tenant_id, contact_id) where contact_id is not null;

-- A contract's signed document, one per contract, in its own table so that lists never read the bytes.
-- bytea rather than large objects: at most 20 MB, it commits and rolls back with the contract, it is deleted
-- with it (a large object would need lo_unlink or vacuumlo), it belongs to the tenant as every row does, and
-- pg_dump keeps it with the rest.
create table contract_document
(
    contract_id uuid                     not null primary key references contract (id) on delete cascade,
    tenant_id   uuid                     not null,
    filename    varchar(255)             not null,
    media_type  varchar(100)             not null,
    size        bigint                   not null,
    sha256      varchar(64)              not null,
    data        bytea                    not null,
    uploaded_by uuid,
    uploaded_at timestamp with time zone not null
);
-- PDF and the zip-based office formats are compressed already
alter table contract_document alter column data set storage external;

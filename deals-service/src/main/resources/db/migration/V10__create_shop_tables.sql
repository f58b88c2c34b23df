-- The shop integration (/api/integrations/shop/**): what the shop pushes in, kept beside the deals it
-- becomes. Every shop id is unique per company only: another company's order id is simply unknown.

-- An ADMIN's settings of the shop integration: the secret of the optional HMAC-SHA256 body signature.
create table shop_settings
(
    tenant_id      uuid                     not null primary key check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    signing_secret varchar(200),
    updated_by     uuid,
    updated_at     timestamp with time zone not null
);

-- The shop's customers by the shop's own id, with the contact the customer saga linked them to.
create table shop_customer
(
    id               uuid                     not null primary key,
    tenant_id        uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    shop_customer_id varchar(100)             not null,
    name             varchar(200),
    phone            varchar(50),
    email            varchar(254),
    contact_id       uuid,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create unique index shop_customer_tenant_ref_uq on shop_customer (tenant_id, shop_customer_id);
create index shop_customer_contact_idx on shop_customer (tenant_id, contact_id) where contact_id is not null;

-- A shop order and the deal it became. The row is claimed (insert .. on conflict do nothing) before the deal
-- is written, so two requests carrying the same new order never make two deals; shop_version and the
-- payload's hash decide whether a repeated order changes anything.
create table shop_order
(
    deal_id       uuid                     not null primary key references deal (id) deferrable initially deferred,
    tenant_id     uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    shop_order_id varchar(100)             not null,
    customer_id   uuid references shop_customer (id),
    shop_version  bigint                   not null,
    payload_hash  varchar(64)              not null,
    ordered_at    timestamp with time zone,
    received_at   timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create unique index shop_order_tenant_ref_uq on shop_order (tenant_id, shop_order_id);
create index shop_order_customer_idx on shop_order (customer_id);

-- Payments as the shop reports them; one whose order has not arrived waits here (applied_at null).
create table shop_payment
(
    id              uuid                     not null primary key,
    tenant_id       uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    shop_payment_id varchar(100)             not null,
    shop_order_id   varchar(100)             not null,
    status          varchar(20)              not null,
    payment_type    varchar(20),
    amount          numeric(19, 2) check (amount >= 0),
    currency        varchar(3) check (currency ~ '^[A-Z]{3}$'),
    paid_at         timestamp with time zone,
    received_at     timestamp with time zone not null,
    applied_at      timestamp with time zone
);
create unique index shop_payment_tenant_ref_uq on shop_payment (tenant_id, shop_payment_id);
create index shop_payment_waiting_idx on shop_payment (tenant_id, shop_order_id) where applied_at is null;

-- Returns of goods (`002_*` 2.1.16, 2.2.3): order, items, reason, attached file, comment, status.
create table deal_return
(
    id             uuid                     not null primary key,
    tenant_id      uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    deal_id        uuid                     not null references deal (id),
    shop_return_id varchar(100),
    reason         varchar(500)             not null,
    comment        text,
    file_name      varchar(255),
    file_url       varchar(2000),
    status         varchar(10)              not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    decided_by     uuid,
    decided_at     timestamp with time zone,
    decision_note  varchar(1000),
    created_at     timestamp with time zone not null,
    version        bigint                   not null default 0
);
create unique index deal_return_tenant_ref_uq on deal_return (tenant_id, shop_return_id) where shop_return_id is not null;
create index deal_return_list_idx on deal_return (tenant_id, status, created_at desc, id desc);
create index deal_return_deal_idx on deal_return (deal_id);

create table deal_return_item
(
    return_id  uuid           not null references deal_return (id) on delete cascade,
    position   integer        not null,
    tenant_id  uuid           not null,
    product_id uuid references product (id),
    sku        varchar(100),
    name       varchar(200)   not null,
    quantity   numeric(19, 3) not null check (quantity > 0),
    primary key (return_id, position)
);

-- The loyalty programme's ledger (`002_*` 2.1.23): points earned (delta > 0) and spent (< 0) per customer,
-- with the balance after each entry. The shop's entry id makes a repeated entry harmless.
create table loyalty_entry
(
    id            uuid                     not null primary key,
    tenant_id     uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    customer_id   uuid                     not null references shop_customer (id),
    shop_entry_id varchar(100)             not null,
    delta         bigint                   not null check (delta <> 0),
    balance       bigint                   not null,
    reason        varchar(200),
    shop_order_id varchar(100),
    created_at    timestamp with time zone not null
);
create unique index loyalty_entry_tenant_ref_uq on loyalty_entry (tenant_id, shop_entry_id);
create index loyalty_entry_customer_idx on loyalty_entry (customer_id, created_at desc, id desc);

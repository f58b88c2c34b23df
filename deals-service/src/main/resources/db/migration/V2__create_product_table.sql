-- Products and services (`003_*`): what deal lines sell.
create table product
(
    id          uuid                     not null primary key,
    tenant_id   uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    name        varchar(200)             not null,
    description text,
    kind        varchar(10)              not null check (kind in ('PRODUCT', 'SERVICE')),
    sku         varchar(100),
    price       numeric(19, 2)           not null check (price >= 0),
    currency    varchar(3)               not null check (currency ~ '^[A-Z]{3}$'),
    active      boolean                  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null default 0
);
create unique index product_tenant_sku_uq on product (tenant_id, sku) where sku is not null;
create index product_tenant_name_idx on product (tenant_id, lower(name), id);

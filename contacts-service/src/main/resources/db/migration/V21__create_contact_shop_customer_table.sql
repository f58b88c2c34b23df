-- The shop's customer ids of a contact (the customer saga): an order of a known shop customer finds its
-- contact by this id first. One contact may hold several (a merged duplicate, two shops' accounts).
create table contact_shop_customer
(
    tenant_id        uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    shop_customer_id varchar(100)             not null,
    contact_id       uuid                     not null,
    created_at       timestamp with time zone not null,
    primary key (tenant_id, shop_customer_id)
);
create index contact_shop_customer_contact_idx on contact_shop_customer (tenant_id, contact_id);

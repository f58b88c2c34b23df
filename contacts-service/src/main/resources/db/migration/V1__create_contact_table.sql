create table contact
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    first_name varchar(100)             not null,
    last_name  varchar(100),
    email      varchar(254),
    phone      varchar(32),
    owner_id   uuid,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null default 0
);
create index contact_tenant_created_idx on contact (tenant_id, created_at desc, id);

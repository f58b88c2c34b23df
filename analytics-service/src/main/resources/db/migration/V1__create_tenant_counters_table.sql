create table tenant_counters
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null unique check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    contacts   bigint                   not null default 0,
    updated_at timestamp with time zone not null
);

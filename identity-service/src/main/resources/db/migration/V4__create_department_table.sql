-- the company structure (`002_*`): departments form a tree, each with a head
create table department
(
    id           uuid                     not null primary key,
    tenant_id    uuid                     not null references tenant (id),
    name         varchar(100)             not null,
    parent_id    uuid references department (id),
    head_user_id uuid references app_user (id),
    created_at   timestamp with time zone not null,
    version      bigint                   not null default 0
);
create index department_tenant_parent_idx on department (tenant_id, parent_id);
create unique index department_sibling_name_idx on department (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));

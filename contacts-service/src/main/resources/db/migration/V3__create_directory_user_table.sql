-- The company's staff as identity-service publishes them (user.activated, user.updated,
-- user.deactivated): who may own a contact, and which department each owner is in.
create table directory_user
(
    id            uuid                     not null primary key,
    tenant_id     uuid                     not null,
    first_name    varchar(100),
    last_name     varchar(100),
    role          varchar(20)              not null,
    department_id uuid,
    active        boolean                  not null,
    changed_at    timestamp with time zone not null
);
create index directory_user_tenant_department_idx on directory_user (tenant_id, department_id);

-- The company's staff as identity-service publishes them (user.activated, user.updated,
-- user.deactivated): who may own a record, and which department each owner is in. Only for services
-- that opt in to the directory (crm.directory.enabled=true, classpath:db/directory among their locations).
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

-- The company structure as identity-service publishes it (department.changed, department.deleted): a
-- SUPERVISOR sees the records of everyone in their department and its sub-departments.
create table directory_department
(
    id         uuid   not null primary key,
    tenant_id  uuid   not null,
    parent_id  uuid,
    version    bigint not null,
    deleted    boolean not null default false
);
create index directory_department_parent_idx on directory_department (tenant_id, parent_id);

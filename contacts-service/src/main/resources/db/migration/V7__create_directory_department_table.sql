-- The company structure as identity-service publishes it (department.changed, department.deleted): a
-- SUPERVISOR sees the clients of everyone in their department and its sub-departments.
create table directory_department
(
    id         uuid   not null primary key,
    tenant_id  uuid   not null,
    parent_id  uuid,
    version    bigint not null,
    deleted    boolean not null default false
);
create index directory_department_parent_idx on directory_department (tenant_id, parent_id);

-- A user's saved views of the contact and company lists: a name and the list's query (search, filters, sort)
create table saved_view
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null,
    user_id    uuid                     not null,
    list       varchar(20)              not null,
    name       varchar(100)             not null,
    query      jsonb                    not null,
    created_at timestamp with time zone not null,
    unique (tenant_id, user_id, list, name)
);

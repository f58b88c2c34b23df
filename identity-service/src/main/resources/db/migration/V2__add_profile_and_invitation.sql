alter table app_user
    add column personal_phone varchar(32),
    add column work_phone     varchar(32),
    add column pbx_extension  varchar(16),
    add column birth_date     date,
    add column photo_url      varchar(500),
    add column position       varchar(100),
    add column deactivated_at timestamp with time zone;

-- keyset paging of the user directory: newest first within a company
create index app_user_tenant_created_idx on app_user (tenant_id, created_at desc, id desc);

create table invitation
(
    id            uuid                     not null primary key,
    tenant_id     uuid                     not null references tenant (id),
    email         varchar(254)             not null,
    role          varchar(20)              not null,
    department_id uuid,
    token_hash    varchar(64)              not null unique,
    invited_by    uuid                     not null references app_user (id),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    accepted_at   timestamp with time zone,
    revoked_at    timestamp with time zone,
    version       bigint                   not null default 0
);
create index invitation_tenant_idx on invitation (tenant_id, created_at desc);
-- one open invitation per e-mail and company
create unique index invitation_open_email_idx on invitation (tenant_id, email) where accepted_at is null and revoked_at is null;

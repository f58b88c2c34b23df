create table tenant
(
    id         uuid                     not null primary key,
    name       varchar(200)             not null,
    created_at timestamp with time zone not null
);

create table app_user
(
    id            uuid                     not null primary key,
    tenant_id     uuid                     not null references tenant (id),
    email         varchar(254)             not null,
    password_hash varchar(200),
    first_name    varchar(100),
    last_name     varchar(100),
    patronymic    varchar(100),
    role          varchar(20)              not null,
    department_id uuid,
    status        varchar(20)              not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null default 0
);
-- an e-mail signs in to exactly one company
create unique index app_user_email_idx on app_user (email);
create index app_user_tenant_idx on app_user (tenant_id, last_name, first_name);

-- RS256 keys that sign access tokens; retired keys stay published until their tokens have expired
create table signing_key
(
    kid         varchar(64)              not null primary key,
    public_key  text                     not null,
    private_key text                     not null,
    created_at  timestamp with time zone not null,
    retired_at  timestamp with time zone
);

-- refresh tokens are stored as SHA-256 hashes; every rotation stays in its family so reuse revokes all
create table refresh_token
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null references tenant (id),
    user_id    uuid                     not null references app_user (id),
    family_id  uuid                     not null,
    token_hash varchar(64)              not null unique,
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    revoked_at timestamp with time zone
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_user_idx on refresh_token (user_id);

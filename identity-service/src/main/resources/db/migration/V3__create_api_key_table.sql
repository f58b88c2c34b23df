-- API keys of integrations (shops, telephone exchanges): the secret is stored only as a SHA-256 hash
create table api_key
(
    id           uuid                     not null primary key,
    tenant_id    uuid                     not null references tenant (id),
    name         varchar(100)             not null,
    prefix       varchar(16)              not null,
    key_hash     varchar(64)              not null unique,
    scopes       varchar(200)             not null,
    created_by   uuid                     not null references app_user (id),
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    version      bigint                   not null default 0
);
create index api_key_tenant_idx on api_key (tenant_id, created_at desc);

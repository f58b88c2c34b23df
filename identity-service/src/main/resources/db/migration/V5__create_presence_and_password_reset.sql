-- presence (`002_*`): chosen by the user or derived from their activity
create table user_presence
(
    user_id      uuid                     not null primary key references app_user (id),
    tenant_id    uuid                     not null references tenant (id),
    status       varchar(20)              not null,
    manual       boolean                  not null,
    last_seen_at timestamp with time zone not null,
    changed_at   timestamp with time zone not null
);
create index user_presence_tenant_idx on user_presence (tenant_id);
-- the inactivity sweep looks only at people who are not offline
create index user_presence_active_idx on user_presence (last_seen_at) where status <> 'OFFLINE';

-- single-use password reset tokens, stored as hashes, valid for an hour
create table password_reset
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null references tenant (id),
    user_id    uuid                     not null references app_user (id),
    token_hash varchar(64)              not null unique,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create index password_reset_user_idx on password_reset (user_id);

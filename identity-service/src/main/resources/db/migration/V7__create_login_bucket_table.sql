-- Sign-in attempts per account and per client address (Bucket4j's PostgreSQL layout), shared by every
-- instance of identity-service. Rows expire when their bucket is full again and are swept regularly.
create table login_bucket
(
    id         varchar(300) not null primary key,
    state      bytea,
    expires_at bigint
);
create index login_bucket_expires_idx on login_bucket (expires_at);

-- The inbox of the idempotent consumer: one row per (consumer, event id), written in the handler's transaction.
-- The primary key decides "already done": a redelivered event finds its row and changes nothing.
create table processed_event
(
    consumer     varchar(100)             not null,
    event_id     uuid                     not null,
    event_type   varchar(100)             not null,
    tenant_id    uuid                     not null,
    processed_at timestamp with time zone not null default now(),
    primary key (consumer, event_id)
);
create index processed_event_processed_at_idx on processed_event (processed_at);

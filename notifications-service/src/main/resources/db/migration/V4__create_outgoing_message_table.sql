-- E-mails and SMS to send: a message outbox. message_key (source event id, template, recipient) is unique, so a
-- redelivered event never queues a message twice. The sender claims due rows with "for update skip locked"
-- (several instances never take the same row), pushing next_attempt_at ahead as a lease while it sends.
create table outgoing_message
(
    id                  uuid                     not null primary key,
    tenant_id           uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    message_key         varchar(500)             not null,
    channel             varchar(5)               not null check (channel in ('EMAIL', 'SMS')),
    template            varchar(40)              not null,
    language            varchar(2)               not null,
    recipient           varchar(320)             not null,
    user_id             uuid,
    contact_id          uuid,
    subject             varchar(300),
    body                text                     not null,
    status              varchar(10)              not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts            int                      not null default 0,
    last_error          varchar(500),
    provider_message_id varchar(200),
    created_at          timestamp with time zone not null,
    next_attempt_at     timestamp with time zone not null,
    finished_at         timestamp with time zone,
    constraint outgoing_message_key unique (tenant_id, message_key)
);
create index outgoing_message_due_idx on outgoing_message (next_attempt_at) where status = 'PENDING';
create index outgoing_message_log_idx on outgoing_message (tenant_id, created_at desc, id desc);

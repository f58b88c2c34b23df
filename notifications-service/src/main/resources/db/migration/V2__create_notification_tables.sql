-- In-app notifications, one row per user and the event that caused it (the unique key keeps a redelivered
-- event from making a second one even if the inbox were bypassed).
create table notification
(
    id              uuid                     not null primary key,
    tenant_id       uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    user_id         uuid                     not null,
    kind            varchar(30)              not null,
    title           varchar(300)             not null,
    body            varchar(1000),
    card_type       varchar(10),
    card_id         uuid,
    source_event_id uuid                     not null,
    created_at      timestamp with time zone not null,
    read_at         timestamp with time zone,
    constraint notification_once_per_event unique (user_id, source_event_id, kind)
);
create index notification_user_idx on notification (tenant_id, user_id, created_at desc, id desc);
create index notification_unread_idx on notification (tenant_id, user_id) where read_at is null;

-- Who is responsible for a deal or a contact, from deals' and contacts' events: a change of owner is an
-- assignment, and a return request goes to the deal's responsible. Kept only from newer versions.
create table responsible
(
    card_type varchar(10) not null check (card_type in ('DEAL', 'CONTACT')),
    card_id   uuid        not null,
    tenant_id uuid        not null,
    owner_id  uuid,
    number    bigint,
    version   bigint      not null,
    primary key (card_type, card_id)
);

-- A user's notification preferences: language, SMS phone, and per kind the channels. A user without a row has
-- the defaults (docs/telephony-and-notifications.md).
create table notification_preference
(
    user_id   uuid       not null primary key,
    tenant_id uuid       not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    language  varchar(2) not null,
    phone     varchar(16)
);

create table notification_preference_kind
(
    user_id uuid        not null references notification_preference (user_id) on delete cascade,
    kind    varchar(30) not null,
    in_app  boolean     not null,
    email   boolean     not null,
    sms     boolean     not null,
    primary key (user_id, kind)
);

-- A call as the company's telephone exchange reported it, merged from its events (ringing, answered, ended,
-- recording) whatever order they came in.
create table call
(
    id                    uuid                     not null primary key,
    tenant_id             uuid                     not null,
    exchange_call_id      varchar(200)             not null,
    -- set while an originated call waits for the exchange's first event of it (matched by extension and number)
    originated            boolean                  not null default false,
    direction             varchar(10)              not null,
    status                varchar(10)              not null,
    caller_number         varchar(20),
    called_number         varchar(20),
    extension             varchar(40),
    user_id               uuid,
    contact_id            uuid,
    contact_name          varchar(300),
    matched_contact_ids   uuid[]                   not null default '{}',
    company_id            uuid,
    started_at            timestamp with time zone not null,
    answered_at           timestamp with time zone,
    ended_at              timestamp with time zone,
    -- when this service learnt that the call ended (its own clock: the missed-call grace runs from here)
    ended_seen_at         timestamp with time zone,
    recording_url         varchar(2000),
    recording_seconds     integer,
    recording_stored      boolean                  not null default false,
    -- which events were raised: each at most once, and call.ended or call.missed, never both
    ringing_raised        boolean                  not null default false,
    answered_raised       boolean                  not null default false,
    outcome_raised        varchar(10),
    recording_raised      boolean                  not null default false,
    version               bigint                   not null default 0,
    constraint call_exchange_id_uq unique (tenant_id, exchange_call_id)
);
-- the call log, newest first (keyset paging on started_at, id), per user, contact and company
create index call_started_idx on call (tenant_id, started_at desc, id desc);
create index call_user_started_idx on call (tenant_id, user_id, started_at desc, id desc);
create index call_contact_started_idx on call (tenant_id, contact_id, started_at desc, id desc) where contact_id is not null;
create index call_company_started_idx on call (tenant_id, company_id, started_at desc, id desc) where company_id is not null;
-- the missed-call sweep: ended, unanswered calls whose outcome is not raised yet
create index call_outcome_pending_idx on call (ended_seen_at) where outcome_raised is null and ended_seen_at is not null;
-- an originated call waiting for its first exchange event
create index call_originated_idx on call (tenant_id, extension, called_number, started_at) where originated;

-- Each exchange event once: its key (the exchange's event id, or what identifies the fact) per company.
create table call_exchange_event
(
    tenant_id   uuid                     not null,
    dedupe_key  varchar(300)             not null,
    call_id     uuid                     not null,
    received_at timestamp with time zone not null default now(),
    primary key (tenant_id, dedupe_key)
);

-- A recording uploaded for a call; stored uncompressed out of line so that a range is read without the rest.
create table call_recording
(
    call_id      uuid                     not null primary key,
    tenant_id    uuid                     not null,
    content_type varchar(100)             not null,
    size         bigint                   not null,
    content      bytea                    not null,
    uploaded_by  uuid                     not null,
    uploaded_at  timestamp with time zone not null
);
alter table call_recording alter column content set storage external;

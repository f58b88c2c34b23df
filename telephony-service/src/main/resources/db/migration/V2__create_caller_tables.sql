-- Who may be calling: the company's contacts and client companies as contacts-service announces them, with what
-- the screen pop shows (name, owner, VIP, open deals from deals-service, the last interaction). One row per card.
create table caller_card
(
    id                       uuid                     not null primary key,
    tenant_id                uuid                     not null,
    card_type                varchar(10)              not null,
    name                     varchar(400),
    owner_id                 uuid,
    vip                      boolean                  not null default false,
    version                  bigint                   not null default -1,
    deleted                  boolean                  not null default false,
    open_deals               integer                  not null default 0,
    -- [{"amount": 1180.50, "currency": "UAH"}], one per currency
    open_deals_totals        jsonb                    not null default '[]',
    last_interaction_at      timestamp with time zone,
    last_interaction_channel varchar(10)
);

-- Every phone of every card, E.164: the ringing path's one indexed lookup.
create table caller_phone
(
    tenant_id uuid        not null,
    phone     varchar(20) not null,
    card_id   uuid        not null,
    primary key (tenant_id, phone, card_id)
);
create index caller_phone_card_idx on caller_phone (card_id);

-- The deals of the company's clients, to count and sum the open ones per contact and company.
create table caller_deal
(
    id         uuid           not null primary key,
    tenant_id  uuid           not null,
    contact_id uuid,
    company_id uuid,
    amount     numeric(19, 2) not null,
    currency   varchar(3)     not null,
    status     varchar(10)    not null,
    version    bigint         not null,
    deleted    boolean        not null default false
);
create index caller_deal_contact_idx on caller_deal (contact_id) where contact_id is not null;
create index caller_deal_company_idx on caller_deal (company_id) where company_id is not null;

-- Extension on the exchange -> CRM user: set by an ADMIN (MANUAL) or from identity's user.updated (IDENTITY).
create table extension
(
    tenant_id  uuid                     not null,
    extension  varchar(40)              not null,
    user_id    uuid                     not null,
    source     varchar(10)              not null,
    updated_at timestamp with time zone not null,
    primary key (tenant_id, extension)
);
create index extension_user_idx on extension (tenant_id, user_id);

-- The company's exchange: the webhook format, the signing secret, where and how to ask it to originate calls.
create table telephony_settings
(
    tenant_id         uuid                     not null primary key,
    format            varchar(20)              not null,
    signing_secret    varchar(200),
    exchange_url      varchar(500),
    exchange_login    varchar(200),
    exchange_password varchar(200),
    updated_by        uuid,
    updated_at        timestamp with time zone not null
);

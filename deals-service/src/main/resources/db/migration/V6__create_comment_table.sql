-- Colleagues' comments on leads and deals, with the colleagues they mention.
create table comment
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    card_type  varchar(10)              not null check (card_type in ('LEAD', 'DEAL')),
    card_id    uuid                     not null,
    author_id  uuid                     not null,
    body       text                     not null,
    mentions   uuid[]                   not null default '{}',
    created_at timestamp with time zone not null,
    edited_at  timestamp with time zone
);
create index comment_card_idx on comment (tenant_id, card_type, card_id, created_at desc, id desc);

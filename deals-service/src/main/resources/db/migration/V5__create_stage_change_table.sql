-- Every move of a lead or a deal from one stage to another (from_stage_id null: it entered its first
-- stage when created), kept so that analytics can measure time in stage and conversion, and shown on
-- the lead and deal panels.
create table stage_change
(
    id            uuid                     not null primary key,
    tenant_id     uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    card_type     varchar(10)              not null check (card_type in ('LEAD', 'DEAL')),
    card_id       uuid                     not null,
    pipeline_id   uuid                     not null references pipeline (id),
    from_stage_id uuid references stage (id),
    to_stage_id   uuid                     not null references stage (id),
    changed_by    uuid,
    changed_at    timestamp with time zone not null
);
create index stage_change_card_idx on stage_change (tenant_id, card_type, card_id, changed_at);
create index stage_change_pipeline_idx on stage_change (tenant_id, pipeline_id, changed_at);

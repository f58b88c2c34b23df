-- Bulk order feeds (POST /api/integrations/shop/orders/bulk): the shop's request is kept here as received and
-- answered 202 at once; ShopIntake turns the valid orders into deals behind, oldest first, and writes each
-- order's outcome into the same row in the transaction that stores the deals. The shop reads them back by the
-- receipt's id (GET /api/integrations/shop/receipts/{id}).
create table shop_intake
(
    seq         bigint generated always as identity primary key,
    id          uuid                     not null,
    tenant_id   uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    -- the request body as the shop sent it (and signed it)
    body        bytea                    not null,
    items       integer                  not null,
    -- the items refused when the request came: their indexes and outcomes (field problems)
    rejected    jsonb                    not null,
    -- PENDING, PROCESSING (claimed by an instance at claimed_at), DONE, or FAILED after too many attempts
    state       varchar(12)              not null,
    attempts    integer                  not null default 0,
    -- after a failed attempt: not before this time (backing off, so that a database outage fails nothing)
    retry_at    timestamp with time zone,
    error       text,
    outcomes    jsonb,
    received_at timestamp with time zone not null,
    claimed_at  timestamp with time zone,
    done_at     timestamp with time zone
);
create unique index shop_intake_tenant_id_uq on shop_intake (tenant_id, id);
-- what is left to do, oldest first; DONE rows are not in it
create index shop_intake_open_idx on shop_intake (seq) where state in ('PENDING', 'PROCESSING');

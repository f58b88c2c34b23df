-- Contact imports (002_* "Import Excel"): an uploaded CSV or XLSX file, how its columns map to the card,
-- the background job's state and counts, the rows it rejected and why, and the contacts whose events it
-- still has to announce.
create table contact_import
(
    id               uuid                     not null primary key,
    tenant_id        uuid                     not null,
    created_by       uuid                     not null,
    file_name        varchar(255)             not null,
    format           varchar(10)              not null,
    size_bytes       bigint                   not null,
    columns          text[]                   not null,
    preview          jsonb                    not null,
    total_rows       int                      not null,
    status           varchar(20)              not null,
    stage            varchar(20),
    duplicates       varchar(10),
    mapping          jsonb,
    rows_read        int                      not null default 0,
    created_count    int                      not null default 0,
    updated_count    int                      not null default 0,
    skipped_count    int                      not null default 0,
    rejected_count   int                      not null default 0,
    announced_count  int                      not null default 0,
    cancel_requested boolean                  not null default false,
    failure          text,
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    -- a running job's sign of life: a job whose instance died stops beating and is marked failed
    heartbeat_at     timestamp with time zone,
    -- when events of the import were last put in the outbox: an announcer that stopped is taken over
    announced_at     timestamp with time zone
);
create index contact_import_tenant_idx on contact_import (tenant_id, created_at desc);
create index contact_import_running_idx on contact_import (heartbeat_at) where status = 'RUNNING';

-- the uploaded file in pieces, so that any instance can run the import; dropped when the import completes
create table contact_import_file
(
    import_id uuid  not null references contact_import (id) on delete cascade,
    seq       int   not null,
    data      bytea not null,
    primary key (import_id, seq)
);

-- The two tables below get up to a million rows in one import, so they have no foreign key to
-- contact_import: checking one per row would cost an import of a million rows some twenty seconds.
-- Only the import writes them, in its own transaction, for the import it runs.

-- the rows an import refused: the row number in the file, why, and the row as it was
create table contact_import_rejection
(
    import_id  uuid   not null,
    row_number int    not null,
    reasons    text[] not null,
    cells      text[] not null,
    primary key (import_id, row_number)
);

-- contacts an import created or changed whose contact.created / contact.updated is not in the outbox yet;
-- written a million at a time and taken away in chunks, so indexed only by the import (cheap to fill)
create table contact_import_announcement
(
    import_id  uuid    not null,
    contact_id uuid    not null,
    created    boolean not null
);
create index contact_import_announcement_import_idx on contact_import_announcement (import_id);

-- The outbox: Spring Modulith's event publication registry (JDBC, schema v2 for PostgreSQL).
-- A publication row commits with the state change that raised the event and is completed once Kafka confirmed it.
create table if not exists event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
-- the backlog gauge and the resubmission job look for incomplete publications only
create index if not exists event_publication_incomplete_idx on event_publication (publication_date) where completion_date is null;

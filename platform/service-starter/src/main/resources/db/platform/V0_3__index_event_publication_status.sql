-- Modulith's staleness check and resubmission look publications up by status every half minute, and
-- completed ones stay for a week (crm.events.outbox.keep-completed): after a large import that is millions
-- of rows to scan without this index.
create index if not exists event_publication_status_idx on event_publication (status, publication_date);

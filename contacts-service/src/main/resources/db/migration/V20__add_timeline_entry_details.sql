-- Entries projected from other services' events keep what the event said (the deal's number, title, amount,
-- the stages it moved between, the reason it was lost...) so that the web app words them in the reader's
-- language; the summary is the English wording, for other readers of the API.
alter table timeline_entry add column details jsonb;

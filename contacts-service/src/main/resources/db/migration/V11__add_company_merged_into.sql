-- a merged company stays (deleted) so that its change history can still be read through the survivor
alter table company add column merged_into uuid references company (id);
create index company_merged_into_idx on company (merged_into) where merged_into is not null;

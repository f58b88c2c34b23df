-- The search box looks a typed word up among the distinct words of the company's contact names (a few
-- thousand rows however many contacts there are: surnames repeat), by trigram similarity or as the start
-- of a word, and then takes the contacts holding the words it found from an index on the words of each
-- name. Comparing the typed word with every name of a million contacts instead costs a second.

-- the words of a normalised name (contact.search_name): split at spaces and punctuation that joins names
create function name_words(search_name text) returns text[]
    language sql immutable strict parallel safe
    return array_remove(regexp_split_to_array(search_name, '[[:space:],.;:/()"-]+'), '');

-- kept with the row, so that neither the search nor its ranking splits a million names again
alter table contact add column name_words text[] generated always as (name_words(search_name)) stored;

create table contact_name_word
(
    tenant_id uuid not null,
    word      text not null,
    primary key (tenant_id, word)
);
create index contact_name_word_trgm_idx on contact_name_word using gin (word gin_trgm_ops);

insert into contact_name_word (tenant_id, word)
select distinct tenant_id, unnest(name_words) from contact;

create index contact_name_words_idx on contact using gin (name_words) where deleted_at is null;

-- words are learnt as names are written, once per statement (an import's COPY of a million rows included);
-- a word is never forgotten: one no name holds any more only costs a look at the index that finds nothing
create function contact_name_word_learn() returns trigger
    language plpgsql as
$$
begin
    insert into contact_name_word (tenant_id, word)
    select distinct n.tenant_id, w.word
    from new_rows n, unnest(n.name_words) as w(word)
    order by 1, 2 -- the same order in every transaction: two writers of the same new words cannot deadlock
    on conflict do nothing;
    return null;
end
$$;
create trigger contact_name_word_on_insert
    after insert on contact referencing new table as new_rows
    for each statement execute function contact_name_word_learn();
create trigger contact_name_word_on_update
    after update on contact referencing new table as new_rows
    for each statement execute function contact_name_word_learn();

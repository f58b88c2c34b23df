-- The tag and source inputs suggest the words the company already uses, so that "VIP", "vip " and "Vip"
-- do not become three tags. The words come from a per-company dictionary of each kind of card's tags (and
-- of contacts' sources), a few hundred rows however many cards there are, kept the way V12 keeps the name
-- words: learnt once per statement, so a million-row import and the bulk tag endpoint cost one insert of
-- their distinct words. Gathering the words from the cards on each keystroke would read every card.
create table card_vocabulary
(
    tenant_id uuid        not null,
    card_type varchar(10) not null check (card_type in ('CONTACT', 'COMPANY')),
    field     varchar(10) not null check (field in ('tags', 'source')),
    word      text        not null,
    primary key (tenant_id, card_type, field, word)
);
-- the words that begin with the typed text, in any case (a range of this index) ...
create index card_vocabulary_prefix_idx on card_vocabulary (tenant_id, card_type, field, lower(word) text_pattern_ops);
-- ... then those that hold it elsewhere (trigrams; btree_gin, V15, for the leading columns)
create extension if not exists btree_gin;
create index card_vocabulary_trgm_idx on card_vocabulary using gin (tenant_id, card_type, field, lower(word) gin_trgm_ops);

insert into card_vocabulary (tenant_id, card_type, field, word)
select distinct tenant_id, 'CONTACT', 'tags', unnest(tags) from contact where deleted_at is null
on conflict do nothing;
insert into card_vocabulary (tenant_id, card_type, field, word)
select distinct tenant_id, 'CONTACT', 'source', source from contact where deleted_at is null and source <> ''
on conflict do nothing;
insert into card_vocabulary (tenant_id, card_type, field, word)
select distinct tenant_id, 'COMPANY', 'tags', unnest(tags) from company where deleted_at is null
on conflict do nothing;

-- As with the name words, a word is never forgotten: finding out that no card holds it any more would read
-- the cards on every removal, and an unused word only costs a line in the suggestions. Conflicts do nothing,
-- so no row is locked: a long import that writes a common tag holds up nobody who writes it too.
create function contact_vocabulary_learn() returns trigger
    language plpgsql as
$$
begin
    insert into card_vocabulary (tenant_id, card_type, field, word)
    select distinct n.tenant_id, 'CONTACT', w.field, w.word
    from new_rows n
         cross join lateral (select 'tags', tag from unnest(n.tags) as t(tag)
                             union all
                             select 'source', n.source) as w(field, word)
    where n.deleted_at is null and w.word <> ''
    order by 1, 3, 4 -- the same order in every transaction: two writers of the same new words cannot deadlock
    on conflict do nothing;
    return null;
end
$$;
create trigger contact_vocabulary_on_insert
    after insert on contact referencing new table as new_rows
    for each statement execute function contact_vocabulary_learn();
create trigger contact_vocabulary_on_update
    after update on contact referencing new table as new_rows
    for each statement execute function contact_vocabulary_learn();

create function company_vocabulary_learn() returns trigger
    language plpgsql as
$$
begin
    insert into card_vocabulary (tenant_id, card_type, field, word)
    select distinct n.tenant_id, 'COMPANY', 'tags', t.tag
    from new_rows n, unnest(n.tags) as t(tag)
    where n.deleted_at is null and t.tag <> ''
    order by 1, 4
    on conflict do nothing;
    return null;
end
$$;
create trigger company_vocabulary_on_insert
    after insert on company referencing new table as new_rows
    for each statement execute function company_vocabulary_learn();
create trigger company_vocabulary_on_update
    after update on company referencing new table as new_rows
    for each statement execute function company_vocabulary_learn();

-- Ordering by name distance for searches that match many cards (a common surname): a GiST trigram
-- index answers "the 50 nearest names" without scoring every match. It is built on the expression
-- (search_name || '') so that the planner keeps using the GIN index for ordinary matching, where GiST,
-- being lossy for long texts, would be slower; only the nearest-names query names that expression.
create extension if not exists btree_gist;
create index contact_name_distance_idx on contact using gist (tenant_id, (search_name || '') gist_trgm_ops)
    where deleted_at is null;

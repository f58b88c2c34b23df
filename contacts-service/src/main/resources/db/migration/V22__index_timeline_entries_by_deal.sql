-- A shop payment names only its order's deal: its timeline entry goes to the client that the deal's earlier
-- entries went to, found through this index rather than by reading every entry.
create index timeline_deal_link_idx on timeline_entry (link_id) where link_type = 'DEAL';

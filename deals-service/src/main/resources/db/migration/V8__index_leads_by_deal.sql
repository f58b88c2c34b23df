-- A deleted deal's lead (the one converted into it) forgets it: found by the deal it names, not by scanning the
-- company's leads.
create index lead_deal_idx on lead (tenant_id, deal_id) where deal_id is not null;

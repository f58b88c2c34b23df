-- Only one live company of a client base may hold a tax number. CompanyService and the import check it
-- before writing; this index is what two people creating the same company at the same moment run into.
-- A merged or deleted company (deleted_at set) gives its number up.
create unique index company_tax_id_key on company (tenant_id, tax_id) where deleted_at is null and tax_id is not null;
drop index if exists company_tax_id_idx;

package org.opencrm.contacts.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.importing.CompanyRowChecker.CheckedCompany;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an import writes companies: stored as {@code Company.apply} stores a card, owned by the row's owner or
 * else the importing user. A row duplicates a company with its tax number first, then with a phone or an
 * e-mail. A tax number stays one company's: with duplicates CREATE a row whose tax number a live company or
 * an earlier row of the file has is refused, not created.
 */
@Component
final class CompanyTable extends CardTable<CheckedCompany> {

    private final JsonMapper json;

    CompanyTable(JdbcTemplate jdbc, JsonMapper json) {
        super(jdbc);
        this.json = json;
    }

    @Override
    CardType card() {
        return CardType.COMPANY;
    }

    @Override
    String table() {
        return "company";
    }

    @Override
    String pointTable() {
        return "company_point";
    }

    @Override
    String pointCardColumn() {
        return "company_id";
    }

    @Override
    String stagingTable() {
        return """
                create temp table import_row (
                    row_no int not null, id uuid not null, name text not null, tax_id text, industry text, owner_id uuid,
                    tags text[], notes text, custom_fields jsonb, search_name text not null, email text, phone text,
                    point_kinds text[] not null, point_labels text[] not null, point_values text[] not null,
                    point_keys text[] not null, point_primaries boolean[] not null, cells text[]) on commit drop""";
    }

    @Override
    String copyRows() {
        return """
                COPY import_row (row_no, id, name, tax_id, industry, owner_id, tags, notes, custom_fields, search_name,
                    email, phone, point_kinds, point_labels, point_values, point_keys, point_primaries, cells) FROM STDIN""";
    }

    @Override
    void stage(CopyText rows, CheckedCompany row, UUID id, List<String> cells) {
        rows.value(row.number()).value(id).value(row.name()).value(row.taxId()).value(row.industry())
                .value(row.ownerId()).array(row.tags()).value(row.notes())
                .value(row.customFields().isEmpty() ? null : json.writeValueAsString(row.customFields()))
                .value(row.searchName()).value(row.email()).value(row.phone());
        ContactTable.points(rows, row.points()).array(cells).endRow();
    }

    @Override
    boolean keepsCells(Duplicates duplicates) {
        return duplicates != Duplicates.SKIP;
    }

    @Override
    String duplicateKeys() {
        return """
                (select row_no, kind, search_key from import_point where kind in ('PHONE', 'EMAIL')
                 union all select row_no, 'TAX_ID', tax_id from import_row where tax_id is not null)""";
    }

    /** The company with the row's tax number, else the oldest sharing a phone or an e-mail with it. */
    @Override
    void match(ImportWriter.Work<CheckedCompany> work) {
        jdbc.update("""
                create temp table import_match on commit drop as
                select distinct on (m.row_no) m.row_no, m.card_id, m.owner_id from (
                    select r.row_no, c.id as card_id, c.owner_id, 0 as rank, c.created_at
                    from import_row r join company c on c.tax_id = r.tax_id and c.tenant_id = ? and c.deleted_at is null
                    where r.tax_id is not null
                    union all
                    select ip.row_no, c.id, c.owner_id, 1, c.created_at
                    from import_point ip
                    join company_point p on p.search_key = ip.search_key and p.kind = ip.kind and p.tenant_id = ?
                    join company c on c.id = p.company_id and c.tenant_id = ? and c.deleted_at is null
                    where ip.kind in ('PHONE', 'EMAIL')) m
                order by m.row_no, m.rank, m.created_at, m.card_id""", work.tenantId(), work.tenantId(), work.tenantId());
    }

    /** Every row creates a company, except one whose tax number is taken: that one is refused with the reason. */
    @Override
    void decideCreate(ImportWriter.Work<CheckedCompany> work) {
        String column = work.checker().column(CompanyField.TAX_ID);
        jdbc.update("""
                with r as (
                    select row_no, id, tax_id, cells, min(row_no) over (partition by tax_id) as first_row from import_row),
                taxed as (
                    select r.*, exists (select 1 from company c where c.tenant_id = ? and c.tax_id = r.tax_id
                        and c.deleted_at is null) as held
                    from r where r.tax_id is not null),
                refused as (
                    insert into contact_import_rejection (import_id, row_number, reasons, cells)
                    select ?, t.row_no, array[cast(? as text) || ': "' || t.tax_id || case when t.held
                            then '" belongs to another company in the client base'
                            else '" is the tax number of row ' || t.first_row || ' of the file as well' end],
                        coalesce(t.cells, '{}')
                    from taxed t where t.held or t.first_row < t.row_no
                    returning row_number)
                insert into import_outcome
                select r.row_no, case when f.row_number is null then 'C' else 'R' end, r.id
                from r left join refused f on f.row_number = r.row_no""", work.tenantId(), work.importId(), column);
    }

    @Override
    String colleaguesCard() {
        return "The tax number, a phone or an e-mail of this row belongs to a colleague's company that you may not change";
    }

    @Override
    int insertCards(ImportWriter.Work<CheckedCompany> work, Timestamp at) {
        return jdbc.update("""
                insert into company (id, tenant_id, name, tax_id, industry, owner_id, tags, notes, custom_fields, email,
                    phone, search_name, created_by, created_at, updated_at, version)
                select r.id, ?, r.name, r.tax_id, r.industry, coalesce(r.owner_id, ?), coalesce(r.tags, '{}'), r.notes,
                    coalesce(r.custom_fields, '{}'), r.email, r.phone, r.search_name, ?, ?, ?, 0
                from import_row r join import_outcome o on o.row_no = r.row_no
                where o.action = 'C'
                order by r.row_no""", work.tenantId(), work.userId(), work.userId(), at, at);
    }

    @Override
    CardMerge.Result merge(ImportWriter.Work<CheckedCompany> work, Instant now) {
        return new CompanyCardMerge(jdbc, json, work, now, work.checker().column(CompanyField.TAX_ID)).run();
    }

    @Override
    String auditTable() {
        return "company_aud";
    }

    @Override
    String pointAuditTable() {
        return "company_point_aud";
    }

    @Override
    String auditedColumns() {
        return "tenant_id, name, tax_id, industry, owner_id, tags, notes, custom_fields";
    }

    @Override
    String stagedAudited() {
        return """
                ?, r.name, r.tax_id, r.industry, coalesce(r.owner_id, ?), coalesce(r.tags, '{}'), r.notes,
                    coalesce(r.custom_fields, '{}')""";
    }
}

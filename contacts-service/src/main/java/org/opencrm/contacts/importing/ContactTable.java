package org.opencrm.contacts.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.importing.ContactRowChecker.CheckedContact;
import org.opencrm.contacts.point.ContactPoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an import writes contacts: stored as {@code Contact.apply} stores a card (search name, primary e-mail
 * and phone), owned by the importing user, duplicates found by phone and e-mail.
 */
@Component
final class ContactTable extends CardTable<CheckedContact> {

    private final JsonMapper json;

    ContactTable(JdbcTemplate jdbc, JsonMapper json) {
        super(jdbc);
        this.json = json;
    }

    @Override
    CardType card() {
        return CardType.CONTACT;
    }

    @Override
    String table() {
        return "contact";
    }

    @Override
    String pointTable() {
        return "contact_point";
    }

    @Override
    String pointCardColumn() {
        return "contact_id";
    }

    @Override
    String stagingTable() {
        return """
                create temp table import_row (
                    row_no int not null, id uuid not null, first_name text not null, middle_name text, last_name text,
                    birth_date date, position text, vip boolean, source text, status text, tags text[], notes text,
                    custom_fields jsonb, search_name text not null, email text, phone text, point_kinds text[] not null,
                    point_labels text[] not null, point_values text[] not null, point_keys text[] not null,
                    point_primaries boolean[] not null, cells text[]) on commit drop""";
    }

    @Override
    String copyRows() {
        return """
                COPY import_row (row_no, id, first_name, middle_name, last_name, birth_date, position, vip, source, status,
                    tags, notes, custom_fields, search_name, email, phone, point_kinds, point_labels, point_values,
                    point_keys, point_primaries, cells) FROM STDIN""";
    }

    @Override
    void stage(CopyText rows, CheckedContact row, UUID id, List<String> cells) {
        rows.value(row.number()).value(id).value(row.firstName()).value(row.middleName())
                .value(row.lastName()).value(row.birthDate()).value(row.position())
                .value(row.vip() == null ? null : row.vip() ? "t" : "f").value(row.source())
                .value(row.status() == null ? null : row.status().name()).array(row.tags()).value(row.notes())
                .value(row.customFields().isEmpty() ? null : json.writeValueAsString(row.customFields()))
                .value(row.searchName()).value(row.email()).value(row.phone());
        points(rows, row.points()).array(cells).endRow();
    }

    /** The points as the staging table's parallel arrays. */
    static CopyText points(CopyText rows, List<ContactPoint> points) {
        List<String> kinds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> primaries = new ArrayList<>();
        for (ContactPoint point : points) {
            kinds.add(point.kind().name());
            labels.add(point.label());
            values.add(point.value());
            keys.add(point.searchKey());
            primaries.add(point.primary() ? "t" : "f");
        }
        return rows.array(kinds).array(labels).array(values).array(keys).array(primaries);
    }

    @Override
    boolean keepsCells(Duplicates duplicates) {
        return duplicates == Duplicates.UPDATE;
    }

    @Override
    String colleaguesCard() {
        return "A phone or e-mail of this row belongs to a colleague's contact that you may not change";
    }

    @Override
    int insertCards(ImportWriter.Work<CheckedContact> work, Timestamp at) {
        return jdbc.update("""
                insert into contact (id, tenant_id, kind, first_name, middle_name, last_name, birth_date, position, owner_id,
                    vip, source, status, tags, news_consent, notes, custom_fields, email, phone, search_name, created_by,
                    created_at, updated_at, version)
                select r.id, ?, 'PERSON', r.first_name, r.middle_name, r.last_name, r.birth_date, r.position, ?,
                    coalesce(r.vip, false), r.source, coalesce(r.status, 'LEAD'), coalesce(r.tags, '{}'), false, r.notes,
                    coalesce(r.custom_fields, '{}'), r.email, r.phone, r.search_name, ?, ?, ?, 0
                from import_row r join import_outcome o on o.row_no = r.row_no
                where o.action = 'C'
                order by r.row_no""", work.tenantId(), work.userId(), work.userId(), at, at);
    }

    @Override
    CardMerge.Result merge(ImportWriter.Work<CheckedContact> work, Instant now) {
        return new ContactCardMerge(jdbc, json, work, now).run();
    }

    @Override
    String auditTable() {
        return "contact_aud";
    }

    @Override
    String pointAuditTable() {
        return "contact_point_aud";
    }

    @Override
    String auditedColumns() {
        return "tenant_id, kind, first_name, middle_name, last_name, birth_date, position, owner_id, vip, source, status,"
                + " tags, news_consent, payment_preference, delivery_preference, notes, custom_fields";
    }

    @Override
    String stagedAudited() {
        return """
                ?, 'PERSON', r.first_name, r.middle_name, r.last_name, r.birth_date, r.position, ?,
                    coalesce(r.vip, false), r.source, coalesce(r.status, 'LEAD'), coalesce(r.tags, '{}'), false, null, null,
                    r.notes, coalesce(r.custom_fields, '{}')""";
    }
}

package org.opencrm.contacts.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.contacts.company.CompanyState;
import org.opencrm.contacts.company.TaxIds;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.contacts.point.SearchText;

/**
 * A row as a company card: Bean Validation of {@link CompanyState}, the tax number normalised and checked
 * by {@link TaxIds} (whether another company has it is decided with the database, by the writer), the owner
 * by {@link Owners}.
 */
final class CompanyRowChecker extends RowChecker<CompanyRowChecker.CheckedCompany> {

    /** A row's values as the card keeps them; null where the row gave nothing (an update leaves those as they are). */
    record CheckedCompany(int number, String name, String taxId, String industry, UUID ownerId, List<String> tags,
            String notes, Map<String, Object> customFields, List<ContactPoint> points, String searchName, String email,
            String phone) {
    }

    static final String INVALID_TAX_ID = "is not a valid tax number (an EDRPOU code has 8 digits with a check digit)";

    private final Optional<ConstraintShortcut<CompanyState>> shortcut;
    private final Owners owners;

    CompanyRowChecker(List<Target> targets, UUID tenantId, String region, ImportValidator validation,
            CustomFields customFields, Owners owners) {
        super(CardType.COMPANY, targets, tenantId, region, validation, customFields);
        this.shortcut = validation.shortcut(CompanyState.class);
        this.owners = owners;
    }

    @Override
    Outcome<CheckedCompany> check(SheetRows.Row row) {
        List<String> reasons = new ArrayList<>();
        String name = null;
        String taxId = null;
        String industry = null;
        String notes = null;
        UUID owner = null;
        List<String> tags = null;
        var points = new Points();
        var custom = new Custom();
        for (Target target : targets) {
            String value = value(target, row, reasons, custom);
            if (value == null) {
                continue;
            }
            CompanyField field = (CompanyField) target.field();
            switch (field) {
                case NAME -> name = value;
                case TAX_ID -> taxId = TaxIds.fromSpreadsheet(value).orElseGet(() -> {
                    reasons.add(target.name() + ": \"" + value + "\" " + INVALID_TAX_ID);
                    return null;
                });
                case INDUSTRY -> industry = value;
                case PHONE, EMAIL, WEBSITE, ADDRESS -> points.add(target, PointKind.valueOf(field.name()), value);
                case TAGS -> tags = CellValues.list(value).stream().distinct().toList();
                case NOTES -> notes = value;
                case OWNER -> owner = owners.resolve(target.name(), value, reasons);
            }
        }
        CompanyState state = new CompanyState(name, taxId, industry, owner, tags, notes,
                custom.values.isEmpty() ? null : custom.values, points.inputs, null);
        if (shortcut.isEmpty() || !shortcut.get().passes(state)) {
            violations(state, points, custom, reasons);
        }
        List<ContactPoint> checkedPoints = points(points, custom, reasons);
        Map<String, Object> checkedCustomFields = customFields(points, custom, reasons);
        if (!reasons.isEmpty()) {
            return new Outcome<>(null, reasons);
        }
        String stripped = name.strip();
        return new Outcome<>(new CheckedCompany(row.number(), stripped, taxId, industry, owner, tags, notes,
                checkedCustomFields, checkedPoints, SearchText.of(stripped), primary(checkedPoints, PointKind.EMAIL),
                primary(checkedPoints, PointKind.PHONE)), null);
    }
}

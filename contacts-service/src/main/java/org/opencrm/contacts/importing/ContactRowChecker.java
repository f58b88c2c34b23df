package org.opencrm.contacts.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.contacts.contact.ContactState;
import org.opencrm.contacts.contact.ContactStatus;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.contacts.point.SearchText;

/**
 * A row as a contact card: Bean Validation of {@link ContactState}, names from their own columns or split
 * from a full name, dates, yes/no and statuses as spreadsheets write them.
 */
final class ContactRowChecker extends RowChecker<ContactRowChecker.CheckedContact> {

    /** A row's values as the card keeps them; null where the row gave nothing (an update leaves those as they are). */
    record CheckedContact(int number, String firstName, String middleName, String lastName, LocalDate birthDate,
            String position, Boolean vip, String source, ContactStatus status, List<String> tags, String notes,
            Map<String, Object> customFields, List<ContactPoint> points, String searchName, String email,
            String phone) {
    }

    private final Optional<ConstraintShortcut<ContactState>> shortcut;

    ContactRowChecker(List<Target> targets, UUID tenantId, String region, ImportValidator validation,
            CustomFields customFields) {
        super(CardType.CONTACT, targets, tenantId, region, validation, customFields);
        this.shortcut = validation.shortcut(ContactState.class);
    }

    @Override
    Outcome<CheckedContact> check(SheetRows.Row row) {
        List<String> reasons = new ArrayList<>();
        String first = null;
        String middle = null;
        String last = null;
        String[] fullName = null;
        boolean firstLast = false;
        String position = null;
        String source = null;
        String notes = null;
        LocalDate birthDate = null;
        Boolean vip = null;
        ContactStatus status = null;
        List<String> tags = null;
        var points = new Points();
        var custom = new Custom();
        for (Target target : targets) {
            String value = value(target, row, reasons, custom);
            if (value == null) {
                continue;
            }
            ContactField field = (ContactField) target.field();
            switch (field) {
                case FIRST_NAME -> first = value;
                case MIDDLE_NAME -> middle = value;
                case LAST_NAME -> last = value;
                case FULL_NAME -> fullName = CellValues.words(value);
                case FULL_NAME_FIRST_LAST -> {
                    fullName = CellValues.words(value);
                    firstLast = true;
                }
                case PHONE, EMAIL, WEBSITE, ADDRESS -> points.add(target, PointKind.valueOf(field.name()), value);
                case POSITION -> position = value;
                case SOURCE -> source = value;
                case NOTES -> notes = value;
                case TAGS -> tags = CellValues.list(value).stream().distinct().toList();
                case BIRTH_DATE -> birthDate = CellValues.date(value).orElseGet(() -> {
                    reasons.add(target.name() + ": \"" + value + "\" is not a date (YYYY-MM-DD or DD.MM.YYYY)");
                    return null;
                });
                case VIP -> vip = CellValues.yesNo(value).orElseGet(() -> {
                    reasons.add(target.name() + ": \"" + value + "\" is not yes or no");
                    return null;
                });
                case STATUS -> status = CellValues.status(value).orElseGet(() -> {
                    reasons.add(target.name() + ": \"" + value + "\" is not a status (LEAD, ACTIVE or FORMER)");
                    return null;
                });
            }
        }
        if (fullName != null) {
            // the name's own columns win over the parts of a full name
            String[] words = fullName;
            int n = words.length;
            if (firstLast) {
                first = first != null ? first : words[0];
                last = last != null || n < 2 ? last : words[n - 1];
                middle = middle != null || n < 3 ? middle : String.join(" ", List.of(words).subList(1, n - 1));
            } else if (n == 1) {
                first = first != null ? first : words[0];
            } else {
                last = last != null ? last : words[0];
                first = first != null ? first : words[1];
                middle = middle != null || n < 3 ? middle : String.join(" ", List.of(words).subList(2, n));
            }
        }
        ContactState state = new ContactState(null, first, middle, last, birthDate, position, null, vip, source, status,
                tags, null, null, null, notes, custom.values.isEmpty() ? null : custom.values, points.inputs, null);
        if (shortcut.isEmpty() || !shortcut.get().passes(state)) {
            violations(state, points, custom, reasons);
        }
        List<ContactPoint> checkedPoints = points(points, custom, reasons);
        Map<String, Object> checkedCustomFields = customFields(points, custom, reasons);
        if (!reasons.isEmpty()) {
            return new Outcome<>(null, reasons);
        }
        String firstName = first.strip();
        return new Outcome<>(new CheckedContact(row.number(), firstName, middle, last, birthDate, position, vip, source,
                status, tags, notes, checkedCustomFields, checkedPoints, SearchText.of(last, firstName, middle),
                primary(checkedPoints, PointKind.EMAIL), primary(checkedPoints, PointKind.PHONE)), null);
    }

    /** A name missing from a row filled from a full name is about the full name's column. */
    @Override
    protected Optional<String> columnOfProperty(String property) {
        if (property.equals("firstName") || property.equals("lastName") || property.equals("middleName")) {
            for (Target target : targets) {
                if (target.field() == ContactField.FULL_NAME || target.field() == ContactField.FULL_NAME_FIRST_LAST) {
                    return Optional.of(target.name());
                }
            }
        }
        return Optional.empty();
    }
}

package org.opencrm.contacts.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencrm.contacts.contact.ContactState;
import org.opencrm.contacts.contact.ContactStatus;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.customfield.FieldType;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.PointInput;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.contacts.point.SearchText;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;

/**
 * Turns one row of a file into the values of a contact card, checked by the rules the API checks a card
 * by: Bean Validation of {@link ContactState}, {@link ContactPoints#normalise} in the company's phone region,
 * {@link CustomFields#validate}. A row that breaks a rule comes back with every reason, each naming the
 * column it is about. Safe for several threads: an import checks its rows on every core.
 */
final class RowChecker {

    private static final Pattern POINT_FIELD = Pattern.compile("^points\\[(\\d+)]");

    /** A mapped column. */
    record Target(int column, String name, ContactField field, String customKey, FieldType customType) {
    }

    /** A row's values as the card keeps them; null where the row gave nothing (an update leaves those as they are). */
    record CheckedRow(int number, String firstName, String middleName, String lastName, LocalDate birthDate,
            String position, Boolean vip, String source, ContactStatus status, List<String> tags, String notes,
            Map<String, Object> customFields, List<ContactPoint> points, String searchName, String email,
            String phone) {
    }

    /** Either the checked row or why it is refused. */
    record Outcome(CheckedRow row, List<String> reasons) {
    }

    private final List<Target> targets;
    private final UUID tenantId;
    private final String region;
    private final Validator validator;
    private final Optional<ConstraintShortcut<ContactState>> shortcut;
    private final CustomFields customFields;
    /** Rows of one file repeat their custom values ("Gold", "Silver"): each distinct set is checked once. */
    private final Map<Map<String, Object>, Object> checkedCustom = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Map<String, Object>, Object> eldest) {
            return size() > 10_000;
        }
    };

    RowChecker(List<Target> targets, UUID tenantId, String region, ImportValidator validation, CustomFields customFields) {
        this.targets = targets;
        this.tenantId = tenantId;
        this.region = region;
        this.validator = validation.validator();
        this.shortcut = validation.shortcut();
        this.customFields = customFields;
    }

    Outcome check(SheetRows.Row row) {
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
        List<PointInput> pointInputs = new ArrayList<>();
        List<Target> pointColumns = new ArrayList<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        Map<String, Target> customColumns = new LinkedHashMap<>();
        for (Target target : targets) {
            String cell = row.cell(target.column());
            if (cell.indexOf('\u0000') >= 0) {
                reasons.add(target.name() + ": contains a NUL character, which cannot be stored");
                continue;
            }
            String value = cell.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (target.customKey() != null) {
                custom.put(target.customKey(), customValue(target.customType(), value));
                customColumns.put(target.customKey(), target);
                continue;
            }
            switch (target.field()) {
                case FIRST_NAME -> first = value;
                case MIDDLE_NAME -> middle = value;
                case LAST_NAME -> last = value;
                case FULL_NAME -> fullName = CellValues.words(value);
                case FULL_NAME_FIRST_LAST -> {
                    fullName = CellValues.words(value);
                    firstLast = true;
                }
                case PHONE, EMAIL, WEBSITE -> CellValues.list(value).forEach(part -> {
                    pointInputs.add(new PointInput(PointKind.valueOf(target.field().name()), null, part, null));
                    pointColumns.add(target);
                });
                case ADDRESS -> {
                    pointInputs.add(new PointInput(PointKind.ADDRESS, null, value, null));
                    pointColumns.add(target);
                }
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
                tags, null, null, null, notes, custom.isEmpty() ? null : custom, pointInputs, null);
        if (shortcut.isEmpty() || !shortcut.get().passes(state)) {
            for (ConstraintViolation<ContactState> violation : validator.validate(state)) {
                reasons.add(columnOf(violation.getPropertyPath().toString(), pointColumns, customColumns) + ": "
                        + violation.getMessage());
            }
        }
        List<ContactPoint> points = points(pointInputs, pointColumns, customColumns, reasons);
        Map<String, Object> checkedCustomFields = custom.isEmpty() ? Map.of()
                : customFields(custom, pointColumns, customColumns, reasons);
        if (!reasons.isEmpty()) {
            return new Outcome(null, reasons);
        }
        String firstName = first.strip();
        return new Outcome(new CheckedRow(row.number(), firstName, middle, last, birthDate, position, vip, source,
                status, tags, notes, checkedCustomFields, points, SearchText.of(last, firstName, middle),
                primary(points, PointKind.EMAIL), primary(points, PointKind.PHONE)), null);
    }

    /** Normalised points; the same phone or e-mail given twice in a row is kept once rather than refused. */
    private List<ContactPoint> points(List<PointInput> inputs, List<Target> columns, Map<String, Target> customColumns,
            List<String> reasons) {
        List<PointInput> kept = new ArrayList<>(inputs);
        List<Target> keptColumns = new ArrayList<>(columns);
        try {
            return ContactPoints.normalise(tenantId, kept, region, "points");
        } catch (InvalidFieldsException e) {
            if (e.errors().stream().allMatch(error -> error.message().equals("is given twice"))) {
                for (FieldProblem twice : e.errors().reversed()) {
                    int index = pointIndex(twice.field());
                    kept.remove(index);
                    keptColumns.remove(index);
                }
                return points(kept, keptColumns, customColumns, reasons);
            }
            for (FieldProblem error : e.errors()) {
                int index = pointIndex(error.field());
                String value = index >= 0 && index < kept.size() ? "\"" + kept.get(index).value() + "\" " : "";
                reasons.add(columnOf(error.field(), keptColumns, customColumns) + ": " + value + error.message());
            }
            return List.of();
        }
    }

    private Map<String, Object> customFields(Map<String, Object> values, List<Target> pointColumns,
            Map<String, Target> customColumns, List<String> reasons) {
        Object checked;
        synchronized (checkedCustom) {
            checked = checkedCustom.get(values);
        }
        if (checked == null) {
            try {
                checked = customFields.validate(CardType.CONTACT, values);
            } catch (InvalidFieldsException e) {
                checked = e;
            }
            synchronized (checkedCustom) {
                checkedCustom.put(values, checked);
            }
        }
        if (checked instanceof InvalidFieldsException e) {
            for (FieldProblem error : e.errors()) {
                reasons.add(columnOf(error.field(), pointColumns, customColumns) + ": " + error.message());
            }
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> valid = (Map<String, Object>) checked;
        return valid;
    }

    /** A spreadsheet's way of writing a custom value, in the form the API takes it. */
    private static Object customValue(FieldType type, String value) {
        return switch (type) {
            case MULTI_SELECT -> CellValues.list(value);
            case BOOLEAN -> CellValues.yesNo(value).<Object>map(flag -> flag).orElse(value);
            case DATE -> CellValues.date(value).<Object>map(LocalDate::toString).orElse(value);
            // a decimal comma, as Ukrainian and Russian spreadsheets write numbers
            case NUMBER -> value.matches("-?\\d+,\\d+") ? value.replace(',', '.') : value;
            default -> value;
        };
    }

    /** The column an error of the API's field names is about. */
    private String columnOf(String field, List<Target> pointColumns, Map<String, Target> customColumns) {
        int point = pointIndex(field);
        if (point >= 0 && point < pointColumns.size()) {
            return pointColumns.get(point).name();
        }
        if (field.startsWith(ContactField.CUSTOM_PREFIX)) {
            Target column = customColumns.get(field.substring(ContactField.CUSTOM_PREFIX.length()));
            if (column != null) {
                return column.name();
            }
        }
        String property = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
        for (Target target : targets) {
            if (target.field() != null && target.field().field().equals(property)) {
                return target.name();
            }
        }
        if (property.equals("firstName") || property.equals("lastName") || property.equals("middleName")) {
            for (Target target : targets) {
                if (target.field() == ContactField.FULL_NAME || target.field() == ContactField.FULL_NAME_FIRST_LAST) {
                    return target.name();
                }
            }
        }
        return property;
    }

    private static int pointIndex(String field) {
        Matcher matcher = POINT_FIELD.matcher(field);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static String primary(List<ContactPoint> points, PointKind kind) {
        return points.stream().filter(point -> point.kind() == kind && point.primary()).map(ContactPoint::value)
                .findFirst().orElse(null);
    }
}

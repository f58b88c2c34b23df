package org.opencrm.contacts.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.customfield.FieldType;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.PointInput;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;

/**
 * Turns one row of a file into the values of a card, checked by the rules the API checks that card by:
 * Bean Validation of the card's request body, {@link ContactPoints#normalise} in the company's phone region,
 * {@link CustomFields#validate}. A row that breaks a rule comes back with every reason, each naming the
 * column it is about. Safe for several threads: an import checks its rows on every core.
 * <p>
 * What is the same for every card is here; {@link ContactRowChecker} and {@link CompanyRowChecker} read
 * their card's own fields.
 *
 * @param <R> a checked row, as the import stages it
 */
abstract sealed class RowChecker<R> permits ContactRowChecker, CompanyRowChecker {

    private static final Pattern POINT_FIELD = Pattern.compile("^points\\[(\\d+)]");

    /** A mapped column: a field of the card, or a custom field ({@code customKey}). */
    record Target(int column, String name, CardField field, String customKey, FieldType customType) {
    }

    /** Either the checked row or why it is refused. */
    record Outcome<R>(R row, List<String> reasons) {
    }

    /** The custom values of a row and the columns they came from, by key. */
    static final class Custom {

        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, Target> columns = new LinkedHashMap<>();
    }

    /** The contact points of a row and, for each, the column it came from. */
    static final class Points {

        final List<PointInput> inputs = new ArrayList<>();
        final List<Target> columns = new ArrayList<>();

        /** A phone, e-mail or website column may hold several, separated; an address is one. */
        void add(Target target, PointKind kind, String value) {
            if (kind == PointKind.ADDRESS) {
                inputs.add(new PointInput(kind, null, value, null));
                columns.add(target);
                return;
            }
            CellValues.list(value).forEach(part -> {
                inputs.add(new PointInput(kind, null, part, null));
                columns.add(target);
            });
        }
    }

    protected final List<Target> targets;
    private final UUID tenantId;
    private final String region;
    private final CardType card;
    private final Validator validator;
    private final CustomFields customFields;
    /** Rows of one file repeat their custom values ("Gold", "Silver"): each distinct set is checked once. */
    private final Map<Map<String, Object>, Object> checkedCustom = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Map<String, Object>, Object> eldest) {
            return size() > 10_000;
        }
    };

    RowChecker(CardType card, List<Target> targets, UUID tenantId, String region, ImportValidator validation,
            CustomFields customFields) {
        this.card = card;
        this.targets = targets;
        this.tenantId = tenantId;
        this.region = region;
        this.validator = validation.validator();
        this.customFields = customFields;
    }

    abstract Outcome<R> check(SheetRows.Row row);

    /** The header of the column a field is read from, or the field's English label if no column fills it. */
    String column(CardField field) {
        return targets.stream().filter(target -> target.field() == field).map(Target::name).findFirst()
                .orElseGet(() -> field.label(Locale.ENGLISH));
    }

    /**
     * The stripped value of a target's cell, or null if there is none; a custom field's value is taken into
     * {@code custom} here (also giving null). A cell the database cannot hold is refused.
     */
    protected String value(Target target, SheetRows.Row row, List<String> reasons, Custom custom) {
        String cell = row.cell(target.column());
        if (cell.indexOf('\u0000') >= 0) {
            reasons.add(target.name() + ": contains a NUL character, which cannot be stored");
            return null;
        }
        String value = cell.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (target.customKey() != null) {
            custom.values.put(target.customKey(), customValue(target.customType(), value));
            custom.columns.put(target.customKey(), target);
            return null;
        }
        return value;
    }

    /** Bean Validation of the card's request body (a row the quick check passed needs none); each violation named by its column. */
    protected <S> void violations(S state, Points points, Custom custom, List<String> reasons) {
        for (ConstraintViolation<S> violation : validator.validate(state)) {
            reasons.add(columnOf(violation.getPropertyPath().toString(), points.columns, custom.columns) + ": "
                    + violation.getMessage());
        }
    }

    /** Normalised points; the same phone or e-mail given twice in a row is kept once rather than refused. */
    protected List<ContactPoint> points(Points points, Custom custom, List<String> reasons) {
        return points(points.inputs, points.columns, custom.columns, reasons);
    }

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

    /** The custom values as the card keeps them, checked as the API checks them. */
    protected Map<String, Object> customFields(Points points, Custom custom, List<String> reasons) {
        if (custom.values.isEmpty()) {
            return Map.of();
        }
        Object checked;
        synchronized (checkedCustom) {
            checked = checkedCustom.get(custom.values);
        }
        if (checked == null) {
            try {
                checked = customFields.validate(card, custom.values);
            } catch (InvalidFieldsException e) {
                checked = e;
            }
            synchronized (checkedCustom) {
                checkedCustom.put(custom.values, checked);
            }
        }
        if (checked instanceof InvalidFieldsException e) {
            for (FieldProblem error : e.errors()) {
                reasons.add(columnOf(error.field(), points.columns, custom.columns) + ": " + error.message());
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
        return columnOfProperty(property).orElse(property);
    }

    /** The column a property of the card comes from when no column is mapped to it by name. */
    protected Optional<String> columnOfProperty(String property) {
        return Optional.empty();
    }

    private static int pointIndex(String field) {
        Matcher matcher = POINT_FIELD.matcher(field);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    static String primary(List<ContactPoint> points, PointKind kind) {
        return points.stream().filter(point -> point.kind() == kind && point.primary()).map(ContactPoint::value)
                .findFirst().orElse(null);
    }
}

package org.opencrm.contacts.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.importing.ImportRequests.Column;
import org.opencrm.contacts.importing.ImportRequests.MappedColumn;
import org.opencrm.contacts.importing.ImportRequests.Target;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;

/**
 * Which column of a file fills which field of the card: suggested from the headers (a custom field by its
 * key or label first, then the card's fields by their English, Ukrainian and Russian names), and checked
 * when the user sends the mapping they chose. The card is a contact's or a company's.
 */
final class ColumnMapping {

    private ColumnMapping() {
    }

    /** The fields of a kind of card a column can fill. */
    static List<CardField> fields(CardType card) {
        return switch (card) {
            case CONTACT -> List.of(ContactField.values());
            case COMPANY -> List.of(CompanyField.values());
        };
    }

    static Optional<CardField> byField(CardType card, String field) {
        return fields(card).stream().filter(candidate -> candidate.field().equals(field)).findFirst();
    }

    /** Each column with the field its header suggests; a single-valued field is suggested for its first column only. */
    static List<Column> suggest(CardType card, List<String> columns, List<CustomFields.Definition> custom) {
        Map<String, CardField> byHeader = new HashMap<>();
        for (CardField field : fields(card)) {
            field.headers().forEach(header -> byHeader.putIfAbsent(header, field));
        }
        for (CardField field : fields(card)) {
            byHeader.putIfAbsent(ContactField.headerKey(field.field()), field);
        }
        Set<String> taken = new HashSet<>();
        List<Column> suggested = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String header = ContactField.headerKey(columns.get(i));
            String field = custom.stream()
                    .filter(definition -> header.equals(ContactField.headerKey(definition.key()))
                            || header.equals(ContactField.headerKey(definition.label())))
                    .map(definition -> ContactField.CUSTOM_PREFIX + definition.key()).findFirst()
                    .orElseGet(() -> Optional.ofNullable(byHeader.get(header)).map(CardField::field).orElse(null));
            boolean repeatable = field != null && byField(card, field).map(CardField::repeatable).orElse(false);
            if (field != null && !repeatable && !taken.add(field)) {
                field = null;
            }
            suggested.add(new Column(i, columns.get(i), field));
        }
        return suggested;
    }

    /** The fields a column can fill: the card's, then the company's custom fields. */
    static List<Target> targets(CardType card, List<CustomFields.Definition> custom) {
        List<Target> targets = new ArrayList<>();
        for (CardField field : fields(card)) {
            targets.add(new Target(field.field(), field.label(Locale.ENGLISH)));
        }
        custom.forEach(definition -> targets.add(new Target(ContactField.CUSTOM_PREFIX + definition.key(),
                definition.label())));
        return targets;
    }

    /** The chosen mapping as the row checker takes it; 400 with each refused entry named. */
    static List<RowChecker.Target> check(CardType card, List<MappedColumn> mapping, List<String> columns,
            List<CustomFields.Definition> custom) {
        Map<String, CustomFields.Definition> customByKey = custom.stream()
                .collect(Collectors.toMap(CustomFields.Definition::key, Function.identity()));
        String cards = card == CardType.CONTACT ? "contacts" : "companies";
        List<FieldProblem> problems = new ArrayList<>();
        List<RowChecker.Target> targets = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        Set<Integer> usedColumns = new HashSet<>();
        Set<CardField> fields = new HashSet<>();
        for (int i = 0; i < mapping.size(); i++) {
            MappedColumn entry = mapping.get(i);
            String name = "mapping[" + i + "]";
            if (entry.column() >= columns.size()) {
                problems.add(new FieldProblem(name + ".column", "is not a column of the file (it has " + columns.size() + ")"));
                continue;
            }
            if (!usedColumns.add(entry.column())) {
                problems.add(new FieldProblem(name + ".column", "is mapped twice"));
                continue;
            }
            String column = columns.get(entry.column());
            if (entry.field().startsWith(ContactField.CUSTOM_PREFIX)) {
                String key = entry.field().substring(ContactField.CUSTOM_PREFIX.length());
                CustomFields.Definition definition = customByKey.get(key);
                if (definition == null) {
                    problems.add(new FieldProblem(name + ".field", "is not a custom field of " + cards));
                } else if (!mapped.add(entry.field())) {
                    problems.add(new FieldProblem(name + ".field", "is filled from another column already"));
                } else {
                    targets.add(new RowChecker.Target(entry.column(), column, null, key, definition.type()));
                }
                continue;
            }
            Optional<CardField> field = byField(card, entry.field());
            if (field.isEmpty()) {
                problems.add(new FieldProblem(name + ".field", "is not a field of the "
                        + (card == CardType.CONTACT ? "contact" : "company") + " card"));
            } else if (!field.get().repeatable() && !mapped.add(entry.field())) {
                problems.add(new FieldProblem(name + ".field", "is filled from another column already"));
            } else {
                fields.add(field.get());
                targets.add(new RowChecker.Target(entry.column(), column, field.get(), null, null));
            }
        }
        switch (card) {
            case CONTACT -> {
                if (problems.isEmpty() && fields.stream().noneMatch(field -> ((ContactField) field).names())) {
                    problems.add(new FieldProblem("mapping",
                            "map a column to firstName or to a full name: every contact needs a name"));
                }
                if (fields.contains(ContactField.FULL_NAME) && fields.contains(ContactField.FULL_NAME_FIRST_LAST)) {
                    problems.add(new FieldProblem("mapping", "map one full name column, not both orders"));
                }
            }
            case COMPANY -> {
                if (problems.isEmpty() && !fields.contains(CompanyField.NAME)) {
                    problems.add(new FieldProblem("mapping", "map a column to name: every company needs a name"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return targets;
    }
}

package org.opencrm.contacts.customfield;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom fields of contacts and companies: an ADMIN defines them, every card's values are checked
 * against them ({@link #validate}) and can be filtered on ({@link #filter}).
 */
@Service
public class CustomFields {

    /** A definition as the API shows it. */
    public record Definition(UUID id, CardType entity, String key, String label, FieldType type, List<String> options) {

        static Definition of(CustomField field) {
            return new Definition(field.id(), field.entity(), field.key(), field.label(), field.type(), field.options());
        }
    }

    /** A new field. */
    public record NewField(
            @NotNull CardType entity,
            @NotBlank @Size(max = 50) @Pattern(regexp = "^[a-z][a-zA-Z0-9_]*$",
                    message = "must start with a lower-case letter and hold only letters, digits and _") String key,
            @NotBlank @Size(max = 100) String label,
            @NotNull FieldType type,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> options) {
    }

    /** What may change of a field: its label and choices (not its key or type, which values depend on). */
    public record FieldChange(@NotBlank @Size(max = 100) String label,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> options) {
    }

    private final CustomFieldRepository fields;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    CustomFields(CustomFieldRepository fields, EntityManager entityManager, JdbcTemplate jdbc) {
        this.fields = fields;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Definition> of(CardType entity) {
        return fields.findByEntityOrderByPosition(entity).stream().map(Definition::of).toList();
    }

    @Transactional
    public Definition define(NewField field) {
        requireAdmin();
        List<String> options = field.options() == null ? List.of() : field.options().stream().map(String::strip).toList();
        boolean choice = field.type() == FieldType.SELECT || field.type() == FieldType.MULTI_SELECT;
        if (choice && options.isEmpty()) {
            throw InvalidFieldsException.of("options", "a choice field needs its options");
        }
        if (!choice && !options.isEmpty()) {
            throw InvalidFieldsException.of("options", "only choice fields have options");
        }
        List<CustomField> existing = fields.findByEntityOrderByPosition(field.entity());
        if (existing.stream().anyMatch(other -> other.key().equals(field.key()))) {
            throw InvalidFieldsException.of("key", "is taken by another field");
        }
        var created = new CustomField(field.entity(), field.key(), field.label().strip(), field.type(), options,
                existing.size());
        entityManager.persist(created);
        return Definition.of(created);
    }

    @Transactional
    public Definition change(UUID id, FieldChange change) {
        requireAdmin();
        CustomField field = fields.findById(id).orElseThrow(() -> new NotFoundException("Custom field", id));
        List<String> options = change.options() == null ? field.options() : change.options().stream().map(String::strip).toList();
        if ((field.type() == FieldType.SELECT || field.type() == FieldType.MULTI_SELECT) && options.isEmpty()) {
            throw InvalidFieldsException.of("options", "a choice field needs its options");
        }
        field.change(change.label().strip(), field.type() == FieldType.SELECT || field.type() == FieldType.MULTI_SELECT
                ? options : List.of());
        return Definition.of(field);
    }

    /** Removes the field and its values from every card of its kind. */
    @Transactional
    public void remove(UUID id) {
        requireAdmin();
        CustomField field = fields.findById(id).orElseThrow(() -> new NotFoundException("Custom field", id));
        String table = field.entity() == CardType.CONTACT ? "contact" : "company";
        jdbc.update("update " + table + " set custom_fields = custom_fields - ? where tenant_id = ? and jsonb_exists(custom_fields, ?)",
                field.key(), TenantContext.require(), field.key());
        fields.delete(field);
    }

    /**
     * The values to keep: each key a defined field of this kind of card, each value of the field's type
     * (numbers as numbers, dates as ISO dates, choices among the options); empty values are dropped.
     */
    public Map<String, Object> validate(CardType entity, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, CustomField> defined = new LinkedHashMap<>();
        fields.findByEntityOrderByPosition(entity).forEach(field -> defined.put(field.key(), field));
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            CustomField field = defined.get(key);
            String name = "customFields." + key;
            if (field == null) {
                problems.add(new FieldProblem(name, "is not a custom field of " + entity.name().toLowerCase() + "s"));
                return;
            }
            if (value == null || (value instanceof String text && text.isBlank())
                    || (value instanceof List<?> list && list.isEmpty())) {
                return;
            }
            try {
                kept.put(key, typed(field, value));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(name, e.getMessage()));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return kept;
    }

    /** A JSON document a card's custom fields must contain for the filter {@code cf.<key>=<value>}. */
    public Map<String, Object> filter(CardType entity, String key, String value) {
        CustomField field = fields.findByEntityOrderByPosition(entity).stream().filter(f -> f.key().equals(key))
                .findFirst().orElseThrow(() -> InvalidFieldsException.of("cf." + key, "is not a custom field"));
        try {
            Object typed = field.type() == FieldType.MULTI_SELECT ? List.of(typed(field, List.of(value)).getFirst())
                    : typed(field, value);
            return Map.of(key, typed);
        } catch (IllegalArgumentException e) {
            throw InvalidFieldsException.of("cf." + key, e.getMessage());
        }
    }

    /**
     * The {@code cf.<key>=<value>} parameters of a list request as one JSON document the cards must contain
     * (the contact list, its count and its export read them alike).
     */
    public Map<String, Object> filter(CardType entity, Map<String, List<String>> parameters) {
        Map<String, Object> filter = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith("cf.") && values != null && !values.isEmpty()) {
                filter.putAll(filter(entity, name.substring(3), values.getFirst()));
            }
        });
        return filter;
    }

    private static List<Object> typed(CustomField field, List<?> values) {
        List<Object> result = new ArrayList<>();
        for (Object value : values) {
            result.add(typed(field, value, FieldType.SELECT));
        }
        return result;
    }

    private static Object typed(CustomField field, Object value) {
        if (field.type() == FieldType.MULTI_SELECT) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("must be a list of options");
            }
            return typed(field, list).stream().distinct().toList();
        }
        return typed(field, value, field.type());
    }

    private static Object typed(CustomField field, Object value, FieldType type) {
        return switch (type) {
            case TEXT -> {
                String text = String.valueOf(value).strip();
                if (text.length() > 1000) {
                    throw new IllegalArgumentException("is longer than 1000 characters");
                }
                yield text;
            }
            case NUMBER -> {
                try {
                    yield value instanceof Number number ? new BigDecimal(number.toString()) : new BigDecimal(value.toString().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(value.toString().strip()).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date (YYYY-MM-DD)");
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    yield flag;
                }
                if ("true".equals(value.toString()) || "false".equals(value.toString())) {
                    yield Boolean.parseBoolean(value.toString());
                }
                throw new IllegalArgumentException("must be true or false");
            }
            case SELECT, MULTI_SELECT -> {
                String choice = value.toString().strip();
                if (!field.options().contains(choice)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", field.options()));
                }
                yield choice;
            }
        };
    }

    private static void requireAdmin() {
        if (!CurrentUser.require().hasRole("ADMIN")) {
            throw new AccessDeniedException("Only an administrator defines custom fields.");
        }
    }
}

package org.opencrm.contacts.importing;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A quick yes for valid rows. Built from the Bean Validation constraints the record itself declares (read
 * through the validator's metadata, so it follows any change of them), it evaluates the simple ones
 * (NotNull, NotBlank, Size, Past) directly; a row it passes is valid, and only a row it does not pass goes
 * through the validator, for the exact messages. A record with a constraint it does not know gets no
 * shortcut: every row is then validated in full.
 * <p>
 * Why: Hibernate Validator costs tens of microseconds per row, more than everything else an import does
 * with a row, and nearly every row of a real file is valid.
 */
final class ConstraintShortcut<T extends Record> {

    private static final Set<Class<?>> KNOWN = Set.of(NotNull.class, NotBlank.class, Size.class, Past.class);

    private final Predicate<Object> check;

    private ConstraintShortcut(Predicate<Object> check) {
        this.check = check;
    }

    /** The shortcut for a record type, or empty if it declares a constraint the shortcut does not evaluate. */
    static <T extends Record> Optional<ConstraintShortcut<T>> of(Validator validator, Class<T> type) {
        return rules(validator, type).map(ConstraintShortcut::new);
    }

    /** True only if the validator would find nothing wrong with the value. */
    boolean passes(T value) {
        return check.test(value);
    }

    private static Optional<Predicate<Object>> rules(Validator validator, Class<?> type) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!type.isRecord() || !bean.getConstraintDescriptors().isEmpty()) {
            return Optional.empty();
        }
        List<Predicate<Object>> checks = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PropertyDescriptor property = bean.getConstraintsForProperty(component.getName());
            if (property == null) {
                continue;
            }
            Optional<Predicate<Object>> own = constraints(property.getConstraintDescriptors());
            if (own.isEmpty()) {
                return Optional.empty();
            }
            Predicate<Object> valueCheck = own.get();
            if (property.isCascaded()) {
                return Optional.empty();
            }
            for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                if (!element.getConstrainedContainerElementTypes().isEmpty()) {
                    return Optional.empty();
                }
                Optional<Predicate<Object>> elementCheck = constraints(element.getConstraintDescriptors());
                Optional<Predicate<Object>> cascaded = element.isCascaded()
                        ? rules(validator, element.getElementClass()) : Optional.of(any -> true);
                if (elementCheck.isEmpty() || cascaded.isEmpty() || !(Collection.class.isAssignableFrom(component.getType()))) {
                    return Optional.empty();
                }
                Predicate<Object> each = elementCheck.get().and(value -> value == null || cascaded.get().test(value));
                valueCheck = valueCheck.and(value -> value == null || ((Collection<?>) value).stream().allMatch(each::test));
            }
            Predicate<Object> checkValue = valueCheck;
            checks.add(record -> checkValue.test(read(component, record)));
        }
        return Optional.of(record -> checks.stream().allMatch(check -> check.test(record)));
    }

    /** The constraints of one value, or empty if one of them is not a simple one. */
    private static Optional<Predicate<Object>> constraints(Set<ConstraintDescriptor<?>> descriptors) {
        Predicate<Object> all = value -> true;
        for (ConstraintDescriptor<?> descriptor : descriptors) {
            var annotation = descriptor.getAnnotation();
            if (!KNOWN.contains(annotation.annotationType()) || !descriptor.getComposingConstraints().isEmpty()) {
                return Optional.empty();
            }
            Predicate<Object> one = switch (annotation) {
                case NotNull notNull -> value -> value != null;
                // not blank by either reading Hibernate Validator has had (trim() before 9, isBlank() since): a
                // text only one of them finds blank goes to the validator
                case NotBlank notBlank -> value -> value != null && !value.toString().isBlank()
                        && !value.toString().trim().isEmpty();
                case Size size -> value -> {
                    int length = switch (value) {
                        case null -> -1;
                        case CharSequence text -> text.length();
                        case Collection<?> collection -> collection.size();
                        case Map<?, ?> map -> map.size();
                        default -> -2;
                    };
                    return length == -1 || (length >= size.min() && length <= size.max());
                };
                case Past past -> value -> value == null
                        || (value instanceof LocalDate date && date.isBefore(LocalDate.now()));
                default -> value -> false;
            };
            all = all.and(one);
        }
        return Optional.of(all);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

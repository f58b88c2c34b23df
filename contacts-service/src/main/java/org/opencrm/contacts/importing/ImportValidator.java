package org.opencrm.contacts.importing;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Bean Validation for imported rows: the constraints of the API's request bodies and the messages the API
 * answers with (the application's message interpolator), checked without asking JPA first whether each
 * property is loaded. Hibernate Validator asks that whenever JPA is present, for every property of every
 * object; a row is no entity, and at a million rows the question costs more than the checks themselves.
 */
@Component
class ImportValidator implements DisposableBean {

    /** Every property of a request body is there to be checked. */
    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    };

    private final ValidatorFactory factory;
    private final Map<Class<?>, Optional<? extends ConstraintShortcut<?>>> shortcuts = new ConcurrentHashMap<>();

    ImportValidator(ValidatorFactory application) {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(application.getMessageInterpolator())
                .traversableResolver(EVERY_PROPERTY)
                .buildValidatorFactory();
    }

    Validator validator() {
        return factory.getValidator();
    }

    /** The quick check of a card's constraints (its request body's), if they are all simple enough for one. */
    @SuppressWarnings("unchecked")
    <T extends Record> Optional<ConstraintShortcut<T>> shortcut(Class<T> card) {
        return (Optional<ConstraintShortcut<T>>) shortcuts.computeIfAbsent(card,
                type -> ConstraintShortcut.of(factory.getValidator(), card));
    }

    @Override
    public void destroy() {
        factory.close();
    }
}

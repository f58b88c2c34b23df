package org.opencrm.contacts.importing;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Optional;
import org.opencrm.contacts.contact.ContactState;
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
    private final Optional<ConstraintShortcut<ContactState>> shortcut;

    ImportValidator(ValidatorFactory application) {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(application.getMessageInterpolator())
                .traversableResolver(EVERY_PROPERTY)
                .buildValidatorFactory();
        shortcut = ConstraintShortcut.of(factory.getValidator(), ContactState.class);
    }

    Validator validator() {
        return factory.getValidator();
    }

    /** The quick check of a card's constraints, if they are all simple enough for one. */
    Optional<ConstraintShortcut<ContactState>> shortcut() {
        return shortcut;
    }

    @Override
    public void destroy() {
        factory.close();
    }
}

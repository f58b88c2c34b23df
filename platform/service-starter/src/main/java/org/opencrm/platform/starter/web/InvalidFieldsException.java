package org.opencrm.platform.starter.web;

import java.util.List;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;

/**
 * Fields a service refuses after Bean Validation passed (a phone that is no phone, an unknown custom
 * field, an owner who is not a colleague): answered as 400 with each field named, like any other
 * validation error.
 */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidFieldsException(List<FieldProblem> errors) {
        super(errors.stream().map(error -> error.field() + " " + error.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid fields"));
        this.errors = List.copyOf(errors);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}

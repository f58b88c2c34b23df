package org.opencrm.deals.card;

import org.opencrm.platform.starter.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link CardConflictException} as a 409 problem that says why, before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CardProblems {

    @ExceptionHandler(CardConflictException.class)
    ProblemDetail conflict(CardConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(Problems.CONFLICT);
        return problem;
    }
}

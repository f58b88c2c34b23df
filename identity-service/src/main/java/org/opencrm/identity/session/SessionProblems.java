package org.opencrm.identity.session;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Sign-in failures as problem details: 401 that never tells which part was wrong, 429 with Retry-After. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblems {

    @ExceptionHandler(InvalidCredentialsException.class)
    ProblemDetail invalid(InvalidCredentialsException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
        problem.setType(URI.create("/problems/invalid-credentials"));
        return problem;
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException ex) {
        long seconds = Math.max(1, (long) Math.ceil(ex.retryAfter().toMillis() / 1000.0));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many sign-in attempts; try again in " + seconds + " seconds.");
        problem.setType(URI.create("/problems/too-many-attempts"));
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds))
                .body(problem);
    }
}

package org.opencrm.identity.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class UsersController {

    record Assignment(@NotNull Role role, UUID departmentId) {
    }

    private final Users users;

    UsersController(Users users) {
        this.users = users;
    }

    @GetMapping("/api/identity/users")
    UserPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return users.list(q, cursor, limit);
    }

    @GetMapping("/api/identity/users/{id}")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PatchMapping("/api/identity/users/{id}")
    UserView assign(@PathVariable UUID id, @Valid @RequestBody Assignment assignment) {
        return users.assign(id, assignment.role(), assignment.departmentId());
    }

    @PostMapping("/api/identity/users/{id}/deactivate")
    UserView deactivate(@PathVariable UUID id) {
        return users.deactivate(id);
    }

    @PutMapping("/api/identity/me/profile")
    UserView updateProfile(@Valid @RequestBody Profile profile) {
        return users.updateProfile(CurrentUser.require().userId(), profile);
    }

    @ExceptionHandler(LastAdminException.class)
    ProblemDetail lastAdmin(LastAdminException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("/problems/last-admin"));
        return problem;
    }

    @ExceptionHandler(InvalidCursorException.class)
    ProblemDetail invalidCursor(InvalidCursorException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setType(URI.create("/problems/validation"));
        problem.setProperty("errors", java.util.List.of(Map.of("field", "cursor", "message", "is not valid")));
        return problem;
    }
}

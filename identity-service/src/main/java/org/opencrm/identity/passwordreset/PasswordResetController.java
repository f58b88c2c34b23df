package org.opencrm.identity.passwordreset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/password-reset")
class PasswordResetController {

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record NewPassword(@NotBlank @Size(max = 200) String token,
            @NotBlank @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password) {
    }

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    /** Public; the same answer whether or not the e-mail has an account. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        resets.request(request.email(), http.getRemoteAddr());
    }

    /** Public: sets the new password with the token from the e-mail. */
    @PostMapping("/confirm")
    ResponseEntity<ProblemDetail> confirm(@Valid @RequestBody NewPassword request) {
        if (resets.reset(request.token(), request.password())) {
            return ResponseEntity.noContent().build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "This reset link is not valid any more; ask for a new one.");
        problem.setType(URI.create("/problems/reset-not-valid"));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}

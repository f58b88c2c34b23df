package org.opencrm.identity.invitation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.opencrm.identity.session.TokenResponse;
import org.opencrm.identity.user.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/invitations")
class InvitationController {

    record InviteRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role, UUID departmentId) {
    }

    record AcceptRequest(
            @NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @NotBlank @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password) {
    }

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping
    ResponseEntity<Invitations.InvitationView> invite(@Valid @RequestBody InviteRequest request) {
        var created = invitations.invite(request.email(), request.role(), request.departmentId());
        return ResponseEntity.created(URI.create("/api/identity/invitations/" + created.id())).body(created);
    }

    @GetMapping
    List<Invitations.InvitationView> open() {
        return invitations.open();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        invitations.revoke(id);
    }

    /** Public: what the invitee is invited to, before they accept. */
    @GetMapping("/preview")
    Invitations.Preview preview(@RequestParam String token) {
        return invitations.preview(token);
    }

    /** Public: accept with name and password; answers a session for the new user. */
    @PostMapping("/accept")
    ResponseEntity<TokenResponse> accept(@Valid @RequestBody AcceptRequest request) {
        var tokens = invitations.accept(request.token(), request.firstName(), request.lastName(), request.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens);
    }

    @ExceptionHandler(InvitationNotValidException.class)
    ProblemDetail notValid(InvitationNotValidException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setType(URI.create("/problems/invitation-not-valid"));
        return problem;
    }

    @ExceptionHandler(EmailInUseException.class)
    ProblemDetail emailInUse(EmailInUseException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("/problems/email-taken"));
        return problem;
    }
}

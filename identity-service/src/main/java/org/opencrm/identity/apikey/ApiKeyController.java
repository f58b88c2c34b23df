package org.opencrm.identity.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApiKeyController {

    record CreateRequest(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 3) List<@NotNull Scope> scopes) {
    }

    /** What an integration learns about the key it called with. */
    record KeyCheck(UUID apiKeyId, UUID tenantId, List<String> scopes) {
    }

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PostMapping("/api/identity/api-keys")
    ResponseEntity<ApiKeys.CreatedApiKey> create(@Valid @RequestBody CreateRequest request) {
        var created = apiKeys.create(request.name(), request.scopes());
        return ResponseEntity.created(URI.create("/api/identity/api-keys/" + created.id())).body(created);
    }

    @GetMapping("/api/identity/api-keys")
    List<ApiKeys.ApiKeyView> list() {
        return apiKeys.list();
    }

    @DeleteMapping("/api/identity/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        apiKeys.revoke(id);
    }

    /**
     * For the gateway only (not routed to the outside): exchanges an integration's key for a short-lived
     * integration token. An unknown or revoked key is 401.
     */
    @PostMapping("/internal/integration-token")
    ResponseEntity<?> exchange(@RequestHeader(name = "X-Api-Key", required = false) String key) {
        var token = key == null || key.isBlank() ? null : apiKeys.exchange(key);
        if (token == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The API key is missing, unknown or revoked.");
            problem.setType(Problems.UNAUTHORIZED);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(token);
    }

    /** For integrations: checks the key works, and tells its company and scopes. */
    @GetMapping("/api/integrations/ping")
    KeyCheck ping(@AuthenticationPrincipal Jwt token) {
        String scope = token.getClaimAsString("scope");
        return new KeyCheck(UUID.fromString(token.getSubject()), CurrentUser.require().tenantId(),
                scope == null || scope.isBlank() ? List.of() : List.of(scope.split(" ")));
    }
}

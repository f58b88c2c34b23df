package org.opencrm.platform.starter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.opencrm.platform.starter.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answered as RFC 9457 problem details, like every other error. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(JsonMapper json) {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            bearer.commence(request, response, failure); // sets WWW-Authenticate with the error details
            write(json, request, response, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                    "A valid access token is required.");
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, denied) -> write(json, request, response, HttpStatus.FORBIDDEN,
                Problems.FORBIDDEN, "Your role does not allow this.");
    }

    private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
            HttpStatus status, URI type, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

package org.opencrm.notifications.push;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.security.CrmUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets a connection open only with a valid access token: from {@code Authorization: Bearer} (the gateway moves
 * the browser's {@code ?access_token=} there) or, reached directly, from {@code ?access_token=}. The token is
 * checked like on every API call (signature, expiry, audience, type, tenant); an expired, malformed or foreign one
 * is answered 401 and no WebSocket opens. The connection belongs to the token's user and company.
 */
@Component
class TokenHandshake implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TokenHandshake.class);
    private static final String USER = "crm.userId";
    private static final String TENANT = "crm.tenantId";
    private static final String EXPIRES = "crm.expiresAt";

    private final JwtDecoder tokens;

    TokenHandshake(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        String token = token(request);
        try {
            if (token == null) {
                throw new IllegalArgumentException("no access token");
            }
            Jwt jwt = tokens.decode(token);
            if (!CrmUser.ACCESS_TOKEN_TYPE.equals(jwt.getClaimAsString(CrmUser.TOKEN_TYPE_CLAIM))) {
                throw new IllegalArgumentException("not a user's access token");
            }
            attributes.put(USER, UUID.fromString(jwt.getSubject()));
            attributes.put(TENANT, UUID.fromString(jwt.getClaimAsString(CrmUser.TENANT_CLAIM)));
            attributes.put(EXPIRES, jwt.getExpiresAt());
            return true;
        } catch (JwtException | IllegalArgumentException e) {
            log.debug("Refused a push connection: {}", e.getMessage());
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception failure) {
    }

    private static String token(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        String query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams()
                .getFirst("access_token");
        return query == null || query.isBlank() ? null : query;
    }

    static UUID user(WebSocketSession session) {
        return (UUID) session.getAttributes().get(USER);
    }

    static UUID tenant(WebSocketSession session) {
        return (UUID) session.getAttributes().get(TENANT);
    }

    static Instant expiresAt(WebSocketSession session) {
        return (Instant) session.getAttributes().get(EXPIRES);
    }
}

package org.opencrm.notifications.push;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The push connections this instance holds, by user and by company. Frames are written through a
 * {@link ConcurrentWebSocketSessionDecorator}, so a slow browser never holds up the consumer that pushes.
 */
@Component
class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    /** Closes a connection whose token expired; the app reconnects with a fresh token. */
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "The access token expired");

    private final Map<UUID, Set<WebSocketSession>> byUser = new ConcurrentHashMap<>();
    private final Map<UUID, Set<WebSocketSession>> byTenant = new ConcurrentHashMap<>();
    private final PushSettings settings;

    Connections(PushSettings settings) {
        this.settings = settings;
    }

    WebSocketSession add(WebSocketSession session) {
        var concurrent = new ConcurrentWebSocketSessionDecorator(session, (int) settings.sendTimeLimit().toMillis(),
                settings.bufferLimit());
        session.getAttributes().put(Connections.class.getName(), concurrent);
        byUser.computeIfAbsent(TokenHandshake.user(session), id -> ConcurrentHashMap.newKeySet()).add(concurrent);
        byTenant.computeIfAbsent(TokenHandshake.tenant(session), id -> ConcurrentHashMap.newKeySet()).add(concurrent);
        return concurrent;
    }

    void remove(WebSocketSession session) {
        Object concurrent = session.getAttributes().get(Connections.class.getName());
        if (concurrent instanceof WebSocketSession wrapped) {
            remove(byUser, TokenHandshake.user(session), wrapped);
            remove(byTenant, TokenHandshake.tenant(session), wrapped);
        }
    }

    /** The number of connections held, for tests and metrics. */
    int count() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }

    void toUser(UUID tenantId, UUID userId, String frame) {
        if (userId == null) {
            return;
        }
        Set<WebSocketSession> sessions = byUser.get(userId);
        if (sessions != null) {
            // a user id is one company's, but the frame must never cross companies even if ids collided
            sessions.stream().filter(s -> tenantId.equals(TokenHandshake.tenant(s))).forEach(s -> send(s, frame));
        }
    }

    void toCompany(UUID tenantId, String frame) {
        Set<WebSocketSession> sessions = byTenant.get(tenantId);
        if (sessions != null) {
            sessions.forEach(s -> send(s, frame));
        }
    }

    @Scheduled(fixedDelayString = "${crm.notifications.push.expiry-check:30s}")
    void closeExpired() {
        Instant now = Instant.now();
        byTenant.values().forEach(sessions -> sessions.forEach(session -> {
            Instant expires = TokenHandshake.expiresAt(session);
            if (expires != null && expires.isBefore(now)) {
                close(session, TOKEN_EXPIRED);
            }
        }));
    }

    private void send(WebSocketSession session, String frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(frame));
        } catch (IOException | RuntimeException e) {
            // a connection over its send time or buffer limit was closed by the decorator
            log.debug("Dropping push connection {}: {}", session.getId(), e.getMessage());
            close(session, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing push connection {} failed: {}", session.getId(), e.getMessage());
        }
        remove(byUser, TokenHandshake.user(session), session);
        remove(byTenant, TokenHandshake.tenant(session), session);
    }

    private static void remove(Map<UUID, Set<WebSocketSession>> index, UUID key, WebSocketSession session) {
        if (key == null) {
            return;
        }
        index.computeIfPresent(key, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}

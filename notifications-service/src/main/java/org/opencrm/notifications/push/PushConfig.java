package org.opencrm.notifications.push;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The plain WebSocket endpoint {@code /ws/notifications} (no STOMP), opened only with a valid access token. */
@Configuration
@EnableWebSocket
class PushConfig implements WebSocketConfigurer {

    static final String PATH = "/ws/notifications";

    private final PushHandler handler;
    private final TokenHandshake handshake;
    private final PushSettings settings;

    PushConfig(PushHandler handler, TokenHandshake handshake, PushSettings settings) {
        this.handler = handler;
        this.handshake = handshake;
        this.settings = settings;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .addInterceptors(handshake)
                .setAllowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new));
    }
}

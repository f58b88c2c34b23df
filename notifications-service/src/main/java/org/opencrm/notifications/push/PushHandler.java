package org.opencrm.notifications.push;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** Holds each open push connection until it closes; what a client sends (only pings are expected) is ignored. */
@Component
class PushHandler extends TextWebSocketHandler {

    private final Connections connections;

    PushHandler(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        connections.add(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // the channel is one-way: the server pushes, the client only keeps it alive
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        connections.remove(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        connections.remove(session);
    }
}

package io.switchboard.inbox.realtime;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers the agents' WebSocket. It lives under {@code /api/} so the API's security applies to
 * the handshake (session cookie or Basic header); only same-origin browsers may connect.
 */
@Configuration
@EnableWebSocket
class RealtimeConfig implements WebSocketConfigurer {

    static final String PATH = "/api/realtime";

    private final AgentSockets sockets;

    RealtimeConfig(AgentSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(sockets, PATH);
    }
}

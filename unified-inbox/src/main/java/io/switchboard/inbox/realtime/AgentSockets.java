package io.switchboard.inbox.realtime;

import io.switchboard.core.spi.RealtimeListener;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The agents' WebSocket ({@code /api/realtime}) on this node. Everything published to the
 * "agents" audience of {@code hub.realtime} — from any node — is pushed to every session here.
 * Agents only listen; what they send is ignored.
 */
@Component
class AgentSockets extends TextWebSocketHandler implements RealtimeListener {

    static final String AUDIENCE = "agents";
    private static final Logger log = LoggerFactory.getLogger(AgentSockets.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 1024 * 1024;

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public String audience() {
        return AUDIENCE;
    }

    @Override
    public void onRealtime(String key, String json) {
        TextMessage frame = new TextMessage(json);
        for (WebSocketSession session : sessions) {
            try {
                session.sendMessage(frame);
            } catch (IOException | RuntimeException e) {
                log.debug("Dropping agent session {}: {}", session.getId(), e.getMessage());
                sessions.remove(session);
                closeQuietly(session);
            }
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // the decorator serializes sends from the bus thread and buffers for slow clients
        sessions.add(new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sessions.removeIf(s -> s.getId().equals(session.getId()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // nothing to do: the agent channel is push-only for now
    }

    int sessionCount() {
        return sessions.size();
    }

    private static void closeQuietly(WebSocketSession session) {
        try {
            session.close(CloseStatus.SESSION_NOT_RELIABLE);
        } catch (IOException ignored) {
            // already gone
        }
    }
}

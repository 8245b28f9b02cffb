package io.switchboard.webchat;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The widget connections open on this node, by visitor: a visitor may have several tabs open. */
final class VisitorRegistry {

    private static final Logger log = LoggerFactory.getLogger(VisitorRegistry.class);

    private final ConcurrentHashMap<String, Set<VisitorSession>> byVisitor = new ConcurrentHashMap<>();

    void register(VisitorSession session) {
        byVisitor.computeIfAbsent(session.visitorId(), id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unregister(VisitorSession session) {
        String visitorId = session.visitorId();
        if (visitorId == null) {
            return;
        }
        byVisitor.computeIfPresent(visitorId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    int sessionCount(String visitorId) {
        Set<VisitorSession> sessions = byVisitor.get(visitorId);
        return sessions == null ? 0 : sessions.size();
    }

    /** Pushes to every open tab of the visitor; an offline visitor sees it in the history on reconnect. */
    void sendToVisitor(String visitorId, String json) {
        Set<VisitorSession> sessions = visitorId == null ? null : byVisitor.get(visitorId);
        if (sessions == null) {
            return;
        }
        for (VisitorSession session : sessions) {
            try {
                session.send(json);
            } catch (IOException | RuntimeException e) {
                log.debug("Push to web-chat session {} failed: {}", session.id(), e.getMessage());
            }
        }
    }
}

package io.switchboard.webchat;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open widget connection (one browser tab): its thread-safe socket, the visitor it speaks for
 * once {@code hello} was answered, the page context it last reported, and who the site said the
 * visitor is. A connection's frames are handled one at a time, so only the socket is shared.
 */
final class VisitorSession {

    /*
     * Context rides along with every message, and the bus refuses a message whose context is too
     * big (hub.bus.limits, 50 entries of 2048 characters by default). A long tracking URL must not
     * stop a visitor from chatting, so the widget's context is trimmed here, leaving room for user.*.
     */
    static final int MAX_CONTEXT_ENTRIES = 40;
    static final int MAX_CONTEXT_KEY_LENGTH = 100;
    static final int MAX_CONTEXT_VALUE_LENGTH = 2000;
    static final String USER_PREFIX = "user.";

    private final WebSocketSession socket;
    private volatile String visitorId;
    private final Map<String, String> context = new LinkedHashMap<>();
    private String identifier;
    private String name;
    private String email;
    private boolean identifierVerified;
    private boolean emailVerified;

    VisitorSession(WebSocketSession socket) {
        this.socket = socket;
    }

    String id() {
        return socket.getId();
    }

    String visitorId() {
        return visitorId;
    }

    boolean ready() {
        return visitorId != null;
    }

    void greeted(String visitorId) {
        this.visitorId = visitorId;
    }

    ChannelAddress customer(String account) {
        return new ChannelAddress(ChannelType.WEBCHAT, account, visitorId);
    }

    /**
     * Later reports win key by key, so a page change keeps the browser details sent at hello. Keys
     * under {@code user.} are the hub's own (set from identify, {@code user.verified} only after the
     * signature checked out): the page cannot set them.
     */
    void mergeContext(Map<String, String> update) {
        update.forEach((key, value) -> {
            if (key.regionMatches(true, 0, USER_PREFIX, 0, USER_PREFIX.length())) {
                return;
            }
            boolean room = context.containsKey(key) || context.size() < MAX_CONTEXT_ENTRIES;
            if (room && !key.isBlank() && key.length() <= MAX_CONTEXT_KEY_LENGTH) {
                context.put(key, value.length() <= MAX_CONTEXT_VALUE_LENGTH ? value
                        : value.substring(0, MAX_CONTEXT_VALUE_LENGTH));
            }
        });
    }

    void identify(String identifier, String name, String email) {
        identify(identifier, name, email, false, false);
    }

    void identify(String identifier, String name, String email, boolean identifierVerified, boolean emailVerified) {
        this.identifier = identifier;
        this.name = name;
        this.email = email;
        this.identifierVerified = identifierVerified;
        this.emailVerified = emailVerified;
    }

    /** The page context plus the site's identification of the visitor, as sent with every message. */
    Map<String, String> fullContext() {
        Map<String, String> all = new LinkedHashMap<>(context);
        putIfPresent(all, "user.identifier", identifier);
        putIfPresent(all, "user.name", name);
        putIfPresent(all, "user.email", email);
        if (identifierVerified) {
            all.put("user.verified", "true");
        }
        if (emailVerified) {
            all.put("user.email_verified", "true");
        }
        return all;
    }

    String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return "Visitor " + visitorId.substring(0, Math.min(8, visitorId.length()));
    }

    void send(String json) throws IOException {
        if (socket.isOpen()) {
            socket.sendMessage(new TextMessage(json));
        }
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}

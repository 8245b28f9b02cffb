package io.switchboard.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The widget's WebSocket ({@code /webchat/ws}): checks each frame's size and shape, hands it to
 * {@link VisitorCommands}, and turns every refusal into an error frame. A bad frame never closes
 * the connection. Frames larger than the container's (small, per-connection) buffer arrive in
 * parts and are put together here, up to {@code max-frame-bytes}.
 */
final class WebchatHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(WebchatHandler.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT_BYTES = 512 * 1024;

    private final WebchatProperties properties;
    private final VisitorCommands commands;
    private final VisitorRegistry registry;
    private final Frames frames;
    private final VisitorTyping typing;
    private final Map<String, VisitorSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, PartialFrame> partial = new ConcurrentHashMap<>();

    WebchatHandler(WebchatProperties properties, VisitorCommands commands, VisitorRegistry registry, Frames frames,
                   VisitorTyping typing) {
        this.typing = typing;
        this.properties = properties;
        this.commands = commands;
        this.registry = registry;
        this.frames = frames;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS,
                SEND_BUFFER_LIMIT_BYTES);
        sessions.put(session.getId(), new VisitorSession(safe));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        VisitorSession visitor = sessions.get(session.getId());
        if (visitor == null) {
            return;
        }
        try {
            String frame = assemble(session.getId(), message);
            if (frame != null) {
                dispatch(visitor, frames.parse(frame));
            }
        } catch (FrameException e) {
            visitor.send(frames.error(e.code(), e.getMessage(), e.clientId()));
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    /** The whole frame once its last part came, else null; too_large when its parts add up to too many bytes. */
    private String assemble(String sessionId, TextMessage part) {
        PartialFrame pending = partial.get(sessionId);
        if (pending == null && part.isLast()) {
            checkSize(part.getPayloadLength());
            return part.getPayload();
        }
        if (pending == null) {
            pending = new PartialFrame();
            partial.put(sessionId, pending);
        }
        pending.add(part, properties.maxFrameBytes());
        if (!part.isLast()) {
            return null;
        }
        partial.remove(sessionId);
        checkSize(pending.bytes);
        return pending.text.toString();
    }

    private void checkSize(long bytes) {
        if (bytes > properties.maxFrameBytes()) {
            throw new FrameException("too_large", "The frame is larger than " + properties.maxFrameBytes()
                    + " bytes; send shorter messages.", null);
        }
    }

    private void dispatch(VisitorSession visitor, JsonNode frame) throws IOException {
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            throw FrameException.malformed(
                    "The frame needs a \"type\": hello, message, context, identify, typing or ping.");
        }
        switch (type.textValue()) {
            case "hello" -> commands.hello(visitor, frame);
            case "message" -> commands.message(visitor, frame);
            case "context" -> commands.context(visitor, frame);
            case "identify" -> commands.identify(visitor, frame);
            case "typing" -> typing.typing(visitor, frame);
            case "ping" -> visitor.send(frames.simple("pong"));
            default -> throw FrameException.malformed("Unknown frame type \"" + abbreviate(type.textValue())
                    + "\"; use hello, message, context, identify, typing or ping.");
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Web-chat connection {} failed: {}", session.getId(), exception.getMessage());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        partial.remove(session.getId());
        VisitorSession visitor = sessions.remove(session.getId());
        if (visitor != null) {
            registry.unregister(visitor);
        }
    }

    int openConnections() {
        return sessions.size();
    }

    /** The parts of a frame so far; the text is dropped once it is over the limit (only its size still counts). */
    private static final class PartialFrame {

        private StringBuilder text = new StringBuilder();
        private long bytes;

        void add(TextMessage part, int maxBytes) {
            bytes += part.getPayloadLength();
            if (bytes > maxBytes) {
                text = new StringBuilder();
            } else {
                text.append(part.getPayload());
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}

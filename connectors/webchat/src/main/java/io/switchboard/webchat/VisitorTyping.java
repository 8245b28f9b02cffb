package io.switchboard.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.spi.RealtimeBus;

/**
 * The visitor's {@code {"type":"typing","on":true,"preview":"..."}} frame: passed on to agents over the
 * realtime bus (audience {@code agents}, frame {@code visitor.typing}); nothing is stored. A preview is
 * cut to {@value #MAX_PREVIEW} characters.
 */
final class VisitorTyping {

    static final String AGENTS = "agents";
    static final int MAX_PREVIEW = 200;

    private final RealtimeBus realtime;
    private final Frames frames;
    private final String account;

    VisitorTyping(RealtimeBus realtime, Frames frames, String account) {
        this.realtime = realtime;
        this.frames = frames;
        this.account = account;
    }

    void typing(VisitorSession session, JsonNode frame) {
        if (!session.ready()) {
            throw new FrameException("not_ready", "Send a \"hello\" frame first and wait for \"welcome\".", null);
        }
        JsonNode on = frame.get("on");
        if (on == null || !on.isBoolean()) {
            throw FrameException.malformed("A typing frame needs \"on\": true or false.");
        }
        JsonNode previewNode = frame.get("preview");
        String preview = previewNode != null && previewNode.isTextual() ? previewNode.textValue() : null;
        if (preview != null && preview.length() > MAX_PREVIEW) {
            preview = preview.substring(0, MAX_PREVIEW);
        }
        realtime.publish(AGENTS, null, frames.visitorTyping(account, session.visitorId(), on.booleanValue(), preview));
    }
}

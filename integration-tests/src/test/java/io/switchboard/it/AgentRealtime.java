package io.switchboard.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.socket.WebSocketHttpHeaders;

/** An agent's live connection to {@code /api/realtime}. */
public final class AgentRealtime extends WsClient {

    private AgentRealtime(Hub hub, WebSocketHttpHeaders headers) {
        super(hub.ws("/api/realtime"), headers);
    }

    public static AgentRealtime connect(Hub hub) {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.set("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((Hub.ADMIN + ":" + Hub.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        headers.setOrigin(hub.origin());
        return new AgentRealtime(hub, headers);
    }
}

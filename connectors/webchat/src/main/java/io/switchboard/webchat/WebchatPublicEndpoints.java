package io.switchboard.webchat;

import io.switchboard.core.spi.PublicEndpoints;
import java.util.List;

/** Visitors are anonymous: the widget script, the demo page and the WebSocket are public. */
final class WebchatPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> patterns() {
        return List.of("/widget.js", "/demo", "/webchat/**");
    }
}

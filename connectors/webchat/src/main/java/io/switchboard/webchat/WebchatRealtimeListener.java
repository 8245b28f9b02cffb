package io.switchboard.webchat;

import io.switchboard.core.spi.RealtimeListener;

/** Pushes web-chat frames from the realtime bus to the visitor's tabs open on this node. */
final class WebchatRealtimeListener implements RealtimeListener {

    private final VisitorRegistry registry;

    WebchatRealtimeListener(VisitorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String audience() {
        return WebchatSender.AUDIENCE;
    }

    @Override
    public void onRealtime(String visitorId, String json) {
        registry.sendToVisitor(visitorId, json);
    }
}

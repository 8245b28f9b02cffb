package io.switchboard.core.spi;

/** Receives {@link RealtimeBus} messages of one audience on this node, to push to local sessions. */
public interface RealtimeListener {

    String audience();

    void onRealtime(String key, String json);
}

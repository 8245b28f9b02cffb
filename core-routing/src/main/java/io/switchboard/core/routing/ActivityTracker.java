package io.switchboard.core.routing;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.ChannelActivity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records inbound, outbound and failures per channel account, for {@link ChannelActivity}. */
class ActivityTracker implements ChannelActivity {

    private static final int MAX_ERROR = 500;

    private final Map<Key, Health> health = new ConcurrentHashMap<>();

    void inbound(ChannelType channel, String account) {
        update(channel, account, h -> new Health(channel, account, Instant.now(), h.lastOutbound(), h.lastErrorAt(),
                h.lastError()));
    }

    void outbound(ChannelType channel, String account) {
        update(channel, account, h -> new Health(channel, account, h.lastInbound(), Instant.now(), h.lastErrorAt(),
                h.lastError()));
    }

    void error(ChannelType channel, String account, String error) {
        String shortened = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        update(channel, account, h -> new Health(channel, account, h.lastInbound(), h.lastOutbound(), Instant.now(),
                shortened));
    }

    @Override
    public List<Health> snapshot() {
        return health.values().stream()
                .sorted(Comparator.comparing((Health h) -> h.channel().name()).thenComparing(Health::account))
                .toList();
    }

    private void update(ChannelType channel, String account, java.util.function.UnaryOperator<Health> change) {
        if (channel == null) {
            return;
        }
        String key = account == null ? "" : account;
        health.compute(new Key(channel, key), (k, current) -> change.apply(
                current != null ? current : new Health(channel, key, null, null, null, null)));
    }

    private record Key(ChannelType channel, String account) {
    }
}

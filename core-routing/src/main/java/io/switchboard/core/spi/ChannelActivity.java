package io.switchboard.core.spi;

import io.switchboard.core.model.ChannelType;
import java.time.Instant;
import java.util.List;

/**
 * When each channel account last received, sent or failed, as seen by the inbound pipeline and
 * the outbound dispatcher (which see every message). Kept in memory per node. Provided by
 * core-routing.
 */
public interface ChannelActivity {

    List<Health> snapshot();

    /** Activity of one account on one channel; {@code lastError} says what failed last. */
    record Health(ChannelType channel, String account, Instant lastInbound, Instant lastOutbound,
                  Instant lastErrorAt, String lastError) {
    }
}

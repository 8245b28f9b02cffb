package io.switchboard.core.spi;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.TranscriptEntry;
import java.util.List;

/**
 * Read-only view of a customer's current conversation as the customer sees it (no private notes),
 * for channels that show history themselves (the web-chat widget after a reload or reconnect).
 * Implemented by the inbox; connectors depend only on this interface.
 */
public interface TranscriptProvider {

    List<TranscriptEntry> transcript(ChannelAddress customer, int limit);
}

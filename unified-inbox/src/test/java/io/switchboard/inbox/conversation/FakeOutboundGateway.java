package io.switchboard.inbox.conversation;

import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.core.spi.OutboundGateway;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what would be queued; refuses when told to. */
class FakeOutboundGateway implements OutboundGateway {

    final List<OutboundMessage> queued = new CopyOnWriteArrayList<>();
    volatile PolicyRefusal refusal;
    /** What the last check was told of the customer's last message from the reply's address. */
    volatile Instant lastInboundAt;

    @Override
    public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        this.lastInboundAt = lastInboundAt;
        return Optional.ofNullable(refusal);
    }

    @Override
    public void enqueue(OutboundMessage message) {
        queued.add(message);
    }
}

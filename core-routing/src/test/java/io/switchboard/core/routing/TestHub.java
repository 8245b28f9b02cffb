package io.switchboard.core.routing;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.InboundHandler;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.RealtimeListener;
import io.switchboard.core.spi.StatusHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal hub for route tests: recording fakes stand where the inbox and a connector would be. */
@SpringBootApplication
class TestHub {

    static class RecordingInbox implements InboundHandler, StatusHandler {
        final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
        final List<ContextUpdate> contexts = new CopyOnWriteArrayList<>();
        final List<DeliveryStatus> statuses = new CopyOnWriteArrayList<>();
        /** Texts of stored messages and "context" for context updates, in the order they arrived. */
        final List<String> arrivals = new CopyOnWriteArrayList<>();
        /** Sizes of the batches that were stored whole. */
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        volatile Function<InboundMessage, RuntimeException> failure = m -> null;
        /** How many {@link #durably} scopes (broker transactions of the inbox consumer) have ended. */
        final AtomicInteger scopesEnded = new AtomicInteger();
        /** Text of each stored message → how many scopes had ended when it was stored. */
        final Map<String, Integer> storedAfterScopes = new ConcurrentHashMap<>();

        @Override
        public <T> T durably(Supplier<T> work) {
            try {
                return work.get();
            } finally {
                scopesEnded.incrementAndGet();
            }
        }

        /** Idempotent like the real inbox: a message delivered again is stored once. */
        @Override
        public synchronized void onInbound(InboundMessage message) {
            RuntimeException e = failure.apply(message);
            if (e != null) {
                throw e;
            }
            if (messages.stream().noneMatch(m -> m.hubId().equals(message.hubId()))) {
                storedAfterScopes.put(message.text(), scopesEnded.get());
                messages.add(message);
                arrivals.add(message.text());
            }
        }

        /** All or nothing, like one database transaction. */
        @Override
        public synchronized void onInboundBatch(List<InboundMessage> batch) {
            for (InboundMessage message : batch) {
                RuntimeException e = failure.apply(message);
                if (e != null) {
                    throw e;
                }
            }
            batch.forEach(this::onInbound);
            batches.add(batch.size());
        }

        @Override
        public void onContext(ContextUpdate update) {
            contexts.add(update);
            arrivals.add("context");
        }

        @Override
        public void onStatus(DeliveryStatus status) {
            statuses.add(status);
        }

        /** Every attempt to store the message with this provider id fails with {@code reason}; counts the attempts. */
        AtomicInteger failOn(String providerId, String reason) {
            AtomicInteger attempts = new AtomicInteger();
            failure = m -> {
                if (!m.providerMessageId().equals(providerId)) {
                    return null;
                }
                attempts.incrementAndGet();
                return new IllegalStateException(reason);
            };
            return attempts;
        }

        void reset() {
            messages.clear();
            batches.clear();
            arrivals.clear();
            contexts.clear();
            statuses.clear();
            storedAfterScopes.clear();
            failure = m -> null;
        }
    }

    static class FakeSmsSender implements OutboundSender, ChannelPolicy {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        volatile Function<OutboundMessage, RuntimeException> failure = m -> null;

        @Override
        public Set<ChannelType> channels() {
            return Set.of(ChannelType.SMS);
        }

        @Override
        public SendResult send(OutboundMessage message) {
            RuntimeException e = failure.apply(message);
            if (e != null) {
                throw e;
            }
            sent.add(message);
            return new SendResult("SM" + message.hubId().toString().replace("-", ""));
        }

        @Override
        public ChannelType channel() {
            return ChannelType.SMS;
        }

        @Override
        public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
            if (message.text() != null && message.text().length() > 1600) {
                return Optional.of(new PolicyRefusal("too_long", "SMS text is limited to 1600 characters"));
            }
            return Optional.empty();
        }

        void reset() {
            sent.clear();
            failure = m -> null;
        }
    }

    static class RecordingAgents implements RealtimeListener {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public String audience() {
            return "agents";
        }

        @Override
        public void onRealtime(String key, String json) {
            received.add(json);
        }
    }

    @Bean
    RecordingInbox recordingInbox() {
        return new RecordingInbox();
    }

    @Bean
    FakeSmsSender fakeSmsSender() {
        return new FakeSmsSender();
    }

    @Bean
    RecordingAgents recordingAgents() {
        return new RecordingAgents();
    }
}

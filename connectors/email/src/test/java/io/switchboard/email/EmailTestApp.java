package io.switchboard.email;

import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal Boot app around the connector: Camel and the connector's auto-configuration (no JMS,
 * no broker), a recording {@link InboundGateway} and a real {@link FileAttachmentStore} in a temp dir.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        ValidationAutoConfiguration.class, CamelAutoConfiguration.class, EmailAutoConfiguration.class})
class EmailTestApp {

    @Bean
    RecordingGateway recordingGateway() {
        return new RecordingGateway();
    }

    @Bean
    AttachmentStore attachmentStore() throws IOException {
        return new FileAttachmentStore(Files.createTempDirectory("email-attachments-"), 25L * 1024 * 1024);
    }

    /** Records what was handed over; fails on demand for mails whose subject contains a marker. */
    static final class RecordingGateway implements InboundGateway {

        final List<InboundMessage> accepted = new CopyOnWriteArrayList<>();
        final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public void accept(InboundMessage message) {
            attempts.incrementAndGet();
            String subject = message.thread().subject() == null ? "" : message.thread().subject();
            for (Map.Entry<String, AtomicInteger> entry : failuresLeft.entrySet()) {
                if (subject.contains(entry.getKey()) && entry.getValue().getAndDecrement() > 0) {
                    throw failures.get(entry.getKey());
                }
            }
            accepted.add(message);
        }

        void failNext(String subjectMarker, int times, RuntimeException failure) {
            failures.put(subjectMarker, failure);
            failuresLeft.put(subjectMarker, new AtomicInteger(times));
        }

        Optional<InboundMessage> withSubject(String subject) {
            return accepted.stream().filter(m -> subject.equals(m.thread().subject())).findFirst();
        }

        List<InboundMessage> allWithSubject(String subject) {
            return accepted.stream().filter(m -> subject.equals(m.thread().subject())).toList();
        }

        @Override
        public void updateContext(ContextUpdate update) {
            throw new UnsupportedOperationException("email sends no context updates");
        }
    }
}

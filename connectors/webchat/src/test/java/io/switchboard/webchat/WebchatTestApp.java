package io.switchboard.webchat;

import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.TranscriptEntry;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.AvailabilityProvider;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.core.spi.RealtimeListener;
import io.switchboard.core.spi.TranscriptProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal web app around the connector: only the web auto-configurations (no Camel, JMS or
 * Artemis), a recording {@link InboundGateway}, a {@link RealtimeBus} that calls the listeners
 * directly, a {@link TranscriptProvider} fed by the tests, attachment files in a temporary directory,
 * and an {@link AvailabilityProvider} the tests set.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, MultipartAutoConfiguration.class, WebSocketServletAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, ValidationAutoConfiguration.class,
        WebchatAutoConfiguration.class})
class WebchatTestApp {

    @Bean
    RecordingGateway recordingGateway() {
        return new RecordingGateway();
    }

    @Bean
    RealtimeBus directRealtimeBus(ObjectProvider<RealtimeListener> listeners) {
        return (audience, key, json) -> listeners.orderedStream()
                .filter(listener -> listener.audience().equals(audience))
                .forEach(listener -> listener.onRealtime(key, json));
    }

    @Bean
    FakeTranscripts fakeTranscripts() {
        return new FakeTranscripts();
    }

    @Bean
    AttachmentStore testAttachmentStore() throws java.io.IOException {
        Path dir = Files.createTempDirectory("webchat-attachments");
        dir.toFile().deleteOnExit();
        return new FileAttachmentStore(dir, 50L * 1024 * 1024);
    }

    @Bean
    StubAvailability stubAvailability() {
        return new StubAvailability();
    }

    /** What the inbox would say; online with no departments unless a test says otherwise. */
    static final class StubAvailability implements AvailabilityProvider {

        final AtomicReference<Availability> answer = new AtomicReference<>(Availability.ONLINE);
        final AtomicReference<List<Department>> departments = new AtomicReference<>(List.of());
        final List<Map<String, String>> askedWith = new CopyOnWriteArrayList<>();
        final Map<String, Availability> byDepartment = new ConcurrentHashMap<>();

        void reset() {
            answer.set(Availability.ONLINE);
            byDepartment.clear();
            departments.set(List.of());
            askedWith.clear();
        }

        @Override
        public Availability forVisitor(Map<String, String> context) {
            askedWith.add(context);
            String department = context.get("department");
            return department == null ? answer.get() : byDepartment.getOrDefault(department, answer.get());
        }

        @Override
        public List<Department> departments() {
            return departments.get();
        }
    }

    static final class RecordingGateway implements InboundGateway {

        final List<InboundMessage> accepted = new CopyOnWriteArrayList<>();
        final List<ContextUpdate> contexts = new CopyOnWriteArrayList<>();
        final AtomicReference<RuntimeException> failNext = new AtomicReference<>();

        @Override
        public void accept(InboundMessage message) {
            RuntimeException failure = failNext.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
            accepted.add(message);
        }

        @Override
        public void updateContext(ContextUpdate update) {
            contexts.add(update);
        }
    }

    static final class FakeTranscripts implements TranscriptProvider {

        final Map<String, List<TranscriptEntry>> byVisitor = new ConcurrentHashMap<>();

        @Override
        public List<TranscriptEntry> transcript(ChannelAddress customer, int limit) {
            return byVisitor.getOrDefault(customer.address(), List.of());
        }
    }
}

package io.switchboard.twilio;

import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.StatusReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal web app around the connector: only the web auto-configurations (no Camel, JMS or
 * Artemis), a recording {@link InboundGateway} and {@link StatusReporter}, and file attachments
 * in a temporary directory.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, ValidationAutoConfiguration.class,
        TwilioAutoConfiguration.class})
class TwilioTestApp {

    @Bean
    RecordingGateway recordingGateway() {
        return new RecordingGateway();
    }

    @Bean
    RecordingReporter recordingReporter() {
        return new RecordingReporter();
    }

    @Bean
    AttachmentStore attachmentStore() throws IOException {
        return new FileAttachmentStore(Files.createTempDirectory("twilio-attachments"), 1024 * 1024);
    }

    static final class RecordingGateway implements InboundGateway {

        final List<InboundMessage> accepted = new CopyOnWriteArrayList<>();
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
            throw new UnsupportedOperationException("Twilio sends no context updates");
        }
    }

    static final class RecordingReporter implements StatusReporter {

        final List<DeliveryStatus> reported = new CopyOnWriteArrayList<>();

        @Override
        public void report(DeliveryStatus status) {
            reported.add(status);
        }
    }
}

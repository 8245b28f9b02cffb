package io.switchboard.telegram;

import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal web app around the connector: only the web auto-configurations (no Camel, JMS or
 * Artemis), a recording {@link InboundGateway} and the real file attachment store in a temp folder.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        ValidationAutoConfiguration.class, TelegramAutoConfiguration.class})
class TelegramTestApp {

    @Bean
    RecordingGateway recordingGateway() {
        return new RecordingGateway();
    }

    @Bean
    AttachmentStore attachmentStore() throws IOException {
        return new FileAttachmentStore(Files.createTempDirectory("telegram-attachments"), 25L * 1024 * 1024);
    }

    static String fixture(String name) {
        try (InputStream in = TelegramTestApp.class.getResourceAsStream("/updates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class RecordingGateway implements InboundGateway {

        final List<InboundMessage> accepted = new CopyOnWriteArrayList<>();
        /** Thrown by the next calls, one each, before messages are accepted again. */
        final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public void accept(InboundMessage message) {
            attempts.incrementAndGet();
            RuntimeException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            accepted.add(message);
        }

        @Override
        public void updateContext(ContextUpdate update) {
        }

        void reset() {
            accepted.clear();
            failures.clear();
            attempts.set(0);
        }
    }
}

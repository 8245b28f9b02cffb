package io.switchboard.it.webchat;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AvailabilityProvider;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.core.spi.RealtimeListener;
import io.switchboard.webchat.WebchatAutoConfiguration;
import java.util.List;
import java.util.Map;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Only the web-chat connector, served on a free port, with the inbox's side stood in for: what it
 * would receive is recorded, its {@link AvailabilityProvider} answers what the test sets, and the
 * test pushes frames to a visitor as the inbox's routing would. The real hub jar cannot take a test
 * provider, and routing that says "offline" lives in another part of the hub.
 */
final class WidgetOnlyHub implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Parts parts;

    private WidgetOnlyHub(ConfigurableApplicationContext context) {
        this.context = context;
        this.parts = context.getBean(Parts.class);
    }

    static WidgetOnlyHub start() {
        return new WidgetOnlyHub(new SpringApplicationBuilder(App.class).properties(Map.of(
                "server.port", "0", "server.address", "127.0.0.1",
                "spring.config.location", "optional:classpath:/none/",
                "hub.channels.webchat.session-secret", "it-widget-only-session-secret-0123456789")).run());
    }

    String http(String path) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
    }

    /** Pushes a frame to every open tab of the visitor, as the inbox does over the realtime bus. */
    void push(String visitorId, String json) {
        context.getBean(RealtimeBus.class).publish("webchat", visitorId, json);
    }

    @Override
    public void close() {
        context.close();
    }

    /** What the inbox would have received, and what its routing answers. */
    static final class Parts implements InboundGateway, AvailabilityProvider {

        final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
        final List<ContextUpdate> contexts = new CopyOnWriteArrayList<>();
        final AtomicReference<Availability> availability = new AtomicReference<>(Availability.ONLINE);
        final AtomicReference<List<Department>> departments = new AtomicReference<>(List.of());
        final Map<String, Availability> byDepartment = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void accept(InboundMessage message) {
            messages.add(message);
        }

        @Override
        public void updateContext(ContextUpdate update) {
            contexts.add(update);
        }

        @Override
        public Availability forVisitor(Map<String, String> context) {
            String department = context.get("department");
            return department == null ? availability.get() : byDepartment.getOrDefault(department, availability.get());
        }

        @Override
        public List<Department> departments() {
            return departments.get();
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({
            PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, MultipartAutoConfiguration.class, WebSocketServletAutoConfiguration.class,
            JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            ValidationAutoConfiguration.class, WebchatAutoConfiguration.class})
    static class App {

        @Bean
        Parts parts() {
            return new Parts();
        }

        @Bean
        RealtimeBus directRealtimeBus(ObjectProvider<RealtimeListener> listeners) {
            return (audience, key, json) -> listeners.orderedStream()
                    .filter(listener -> listener.audience().equals(audience))
                    .forEach(listener -> listener.onRealtime(key, json));
        }
    }
}

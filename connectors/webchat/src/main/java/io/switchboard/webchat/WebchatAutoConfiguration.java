package io.switchboard.webchat;

import io.switchboard.core.spi.ConnectorStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.AvailabilityProvider;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.core.spi.TranscriptProvider;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The web-chat connector: the widget's WebSocket at {@code /webchat/ws}, {@code /widget.js}, the
 * demo page, visitor file uploads and downloads, and the sending side for replies. On unless {@code hub.channels.webchat.enabled=false}.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "hub.channels.webchat", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(WebchatProperties.class)
@EnableWebSocket
public class WebchatAutoConfiguration {

    static final String ENDPOINT = "/webchat/ws";

    /**
     * Tomcat allocates these buffers for every open connection, so they stay small (a 1 MiB text
     * buffer cost 2 MiB of heap per visitor): longer text frames reach {@link WebchatHandler} in
     * parts, which puts them together and answers {@code too_large} beyond {@code max-frame-bytes};
     * visitors and agents send no binary frames.
     */
    static final int CONTAINER_TEXT_BUFFER = 2 * 1024;
    static final int CONTAINER_BINARY_BUFFER = 1024;

    @Bean
    VisitorTokens webchatVisitorTokens(WebchatProperties properties, Environment environment) {
        Path dataDir = Path.of(environment.getProperty("hub.data-dir", "./data"));
        return new VisitorTokens(SessionSecret.resolve(properties.sessionSecret(), dataDir));
    }

    @Bean
    VisitorRegistry webchatVisitorRegistry() {
        return new VisitorRegistry();
    }

    @Bean
    Frames webchatFrames(ObjectProvider<ObjectMapper> json) {
        return new Frames(json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    AttachmentTickets webchatAttachmentTickets(VisitorTokens tokens, ObjectProvider<ObjectMapper> json) {
        return new AttachmentTickets(tokens, json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    WebchatHandler webchatHandler(WebchatProperties properties, VisitorTokens tokens, VisitorRegistry registry,
                                  InboundGateway gateway, ObjectProvider<TranscriptProvider> transcripts,
                                  Frames frames, RealtimeBus realtime, AttachmentTickets tickets,
                                  ObjectProvider<AvailabilityProvider> availability) {
        VisitorCommands commands = new VisitorCommands(properties, tokens, registry, gateway, transcripts, frames,
                tickets, new VisitorAvailability(availability));
        return new WebchatHandler(properties, commands, registry, frames,
                new VisitorTyping(realtime, frames, properties.account()));
    }

    @Bean
    WebSocketConfigurer webchatWebSocketConfigurer(WebchatHandler handler, WebchatProperties properties) {
        // Spring always installs its origin check; with an empty list it admits only the hub's own pages.
        String[] origins = properties.allowedOrigins().toArray(String[]::new);
        return registry -> registry.addHandler(handler, ENDPOINT).setAllowedOrigins(origins);
    }

    @Bean
    @ConditionalOnMissingBean
    ServletServerContainerFactoryBean webchatServletServerContainer(WebchatProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(CONTAINER_TEXT_BUFFER);
        container.setMaxBinaryMessageBufferSize(CONTAINER_BINARY_BUFFER);
        return container;
    }

    @Bean
    WebchatSender webchatSender(RealtimeBus realtime, Frames frames, AttachmentTickets tickets) {
        return new WebchatSender(realtime, frames, tickets);
    }

    @Bean
    UploadController webchatUploadController(WebchatProperties properties, VisitorTokens tokens,
                                             AttachmentTickets tickets, ObjectProvider<AttachmentStore> store) {
        return new UploadController(properties, tokens, tickets, store);
    }

    /**
     * Lets widgets on the allowed sites read the upload's answer (the browser asks first, because the
     * widget watches the upload's progress). The hub's own pages need no CORS.
     */
    @Bean
    WebMvcConfigurer webchatUploadCors(WebchatProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (properties.allowedOrigins().isEmpty()) {
                    return;
                }
                var mapping = registry.addMapping(UploadController.UPLOADS).allowedMethods("POST")
                        .allowedHeaders("*").allowCredentials(false);
                if (properties.anyOrigin()) {
                    mapping.allowedOriginPatterns("*");
                } else {
                    mapping.allowedOrigins(properties.allowedOrigins().toArray(String[]::new));
                }
            }
        };
    }

    @Bean
    WebchatRealtimeListener webchatRealtimeListener(VisitorRegistry registry) {
        return new WebchatRealtimeListener(registry);
    }

    @Bean
    WebchatPolicy webchatPolicy(WebchatProperties properties) {
        return new WebchatPolicy(properties.maxTextLength());
    }

    @Bean
    WebchatPublicEndpoints webchatPublicEndpoints() {
        return new WebchatPublicEndpoints();
    }

    @Bean
    WidgetController webchatWidgetController(WebchatProperties properties, ObjectProvider<ObjectMapper> json) {
        return new WidgetController(properties, json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    ConnectorStatus webchatStatus(WebchatProperties properties) {
        return new WebchatStatus(properties);
    }
}

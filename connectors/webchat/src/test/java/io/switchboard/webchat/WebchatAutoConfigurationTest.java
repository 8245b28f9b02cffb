package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PublicEndpoints;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.core.spi.RealtimeListener;
import jakarta.websocket.server.ServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.context.ConfigurableWebApplicationContext;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

class WebchatAutoConfigurationTest {

    private final ServerContainer container = mock(ServerContainer.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            // What Tomcat puts in the servlet context; the runner's mock context has no WebSocket container.
            .withInitializer(context -> ((ConfigurableWebApplicationContext) context).getServletContext()
                    .setAttribute(ServerContainer.class.getName(), container))
            .withConfiguration(AutoConfigurations.of(WebchatAutoConfiguration.class))
            .withPropertyValues("hub.channels.webchat.session-secret=0123456789abcdef0123456789abcdef")
            .withBean(InboundGateway.class, WebchatTestApp.RecordingGateway::new)
            .withBean(RealtimeBus.class, () -> (audience, key, json) -> { });

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(WebchatAutoConfiguration.class.getName());
    }

    @Test
    void isOnByDefaultWithItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(WebSocketConfigurer.class).hasSingleBean(OutboundSender.class)
                    .hasSingleBean(RealtimeListener.class).hasSingleBean(ChannelPolicy.class)
                    .hasSingleBean(WidgetController.class);
            assertThat(context.getBean(RealtimeListener.class).audience()).isEqualTo("webchat");
            assertThat(context.getBean(PublicEndpoints.class).patterns())
                    .containsExactly("/widget.js", "/demo", "/webchat/**");
            WebchatProperties properties = context.getBean(WebchatProperties.class);
            assertThat(properties.account()).isEqualTo("default");
            assertThat(properties.allowedOrigins()).isEmpty();
            assertThat(properties.maxTextLength()).isEqualTo(4000);
            assertThat(properties.maxFrameBytes()).isEqualTo(16384);
            assertThat(properties.historyLimit()).isEqualTo(50);
            assertThat(properties.title()).isEqualTo("Chat with us");
            verify(container).setDefaultMaxTextMessageBufferSize(2 * 1024);
            verify(container).setDefaultMaxBinaryMessageBufferSize(1024);
        });
    }

    @Test
    void isOffWhenDisabled() {
        runner.withPropertyValues("hub.channels.webchat.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WebchatHandler.class)
                        .doesNotHaveBean(OutboundSender.class));
    }

    @Test
    void refusesNonsenseLimitsWithTheProperty() {
        runner.withPropertyValues("hub.channels.webchat.max-frame-bytes=10")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.webchat.maxFrameBytes"));
    }
}

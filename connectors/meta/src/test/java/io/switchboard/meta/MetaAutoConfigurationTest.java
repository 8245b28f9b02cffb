package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PublicEndpoints;
import io.switchboard.core.spi.StatusReporter;
import io.switchboard.core.spi.TemplateCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class MetaAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, MetaAutoConfiguration.class))
            .withBean(InboundGateway.class, MetaTestApp.RecordingGateway::new)
            .withBean(StatusReporter.class, MetaTestApp.RecordingStatuses::new)
            .withBean(AttachmentStore.class, () -> new FileAttachmentStore(Path.of("target/test-attachments"), 1024));

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(MetaAutoConfiguration.class.getName());
    }

    @Test
    void isOffByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboundSender.class)
                .doesNotHaveBean(MetaWebhookController.class).doesNotHaveBean(MetaProperties.class));
    }

    @Test
    void whenEnabledItRegistersItsBeansWithTheirDefaults() {
        runner.withPropertyValues("hub.channels.meta.enabled=true", "hub.channels.meta.app-secret=s3cret-app",
                "hub.channels.meta.verify-token=t0ken", "hub.channels.meta.pages[0].page-id=1",
                "hub.channels.meta.pages[0].access-token=page-secret-token").run(context -> {
            assertThat(context).hasSingleBean(OutboundSender.class).hasSingleBean(MetaWebhookController.class)
                    .hasSingleBean(TemplateCatalog.class);
            assertThat(context.getBeansOfType(ChannelPolicy.class)).hasSize(3);
            assertThat(context.getBean(PublicEndpoints.class).patterns()).containsExactly("/webhooks/meta");
            MetaProperties properties = context.getBean(MetaProperties.class);
            assertThat(properties.graphBaseUrl()).isEqualTo("https://graph.facebook.com");
            assertThat(properties.apiVersion()).isEqualTo("v21.0");
            assertThat(properties.pages().get(0).humanAgentTag()).isFalse();
            assertThat(properties.toString()).doesNotContain("s3cret-app").doesNotContain("t0ken")
                    .doesNotContain("page-secret-token").contains("******");
        });
    }

    @Test
    void aMissingSecretStopsStartUpAndNamesTheProperty() {
        runner.withPropertyValues("hub.channels.meta.enabled=true", "hub.channels.meta.verify-token=t0ken")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.meta.app-secret"));
        runner.withPropertyValues("hub.channels.meta.enabled=true", "hub.channels.meta.app-secret=s",
                        "hub.channels.meta.whatsapp[0].phone-number-id=1", "hub.channels.meta.whatsapp[0].display-number=+15550001111")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.meta.verify-token")
                        .hasStackTraceContaining("whatsapp[0].accessToken"));
    }

    @Test
    void aNumberThatIsNotE164IsRefused() {
        runner.withPropertyValues("hub.channels.meta.enabled=true", "hub.channels.meta.app-secret=s",
                        "hub.channels.meta.verify-token=t", "hub.channels.meta.whatsapp[0].phone-number-id=1",
                        "hub.channels.meta.whatsapp[0].display-number=5550001111",
                        "hub.channels.meta.whatsapp[0].access-token=x")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("must be E.164"));
    }
}

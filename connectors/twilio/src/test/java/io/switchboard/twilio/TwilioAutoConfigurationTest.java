package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PublicEndpoints;
import io.switchboard.core.spi.TemplateCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class TwilioAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class, TwilioAutoConfiguration.class))
            .withBean(TwilioTestApp.RecordingGateway.class, TwilioTestApp.RecordingGateway::new)
            .withBean(TwilioTestApp.RecordingReporter.class, TwilioTestApp.RecordingReporter::new)
            .withBean(io.switchboard.core.spi.AttachmentStore.class,
                    () -> new io.switchboard.core.attachments.FileAttachmentStore(Path.of("target/attachments"), 1024));

    private final String[] oneAccount = {
            "hub.channels.twilio.enabled=true",
            "hub.channels.twilio.accounts[0].account-sid=AC11111111111111111111111111111111",
            "hub.channels.twilio.accounts[0].auth-token=very-secret-token",
            "hub.channels.twilio.accounts[0].numbers[0].number=+15550001111"};

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(TwilioAutoConfiguration.class.getName());
    }

    @Test
    void isOffByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboundSender.class)
                .doesNotHaveBean(TwilioWebhookController.class));
    }

    @Test
    void whenEnabledItProvidesTheSpiBeansWithDefaults() {
        runner.withPropertyValues(oneAccount).run(context -> {
            assertThat(context).hasSingleBean(OutboundSender.class).hasSingleBean(TemplateCatalog.class)
                    .hasSingleBean(TwilioWebhookController.class);
            assertThat(context.getBeansOfType(ChannelPolicy.class).values()).extracting(ChannelPolicy::channel)
                    .containsExactlyInAnyOrder(io.switchboard.core.model.ChannelType.SMS,
                            io.switchboard.core.model.ChannelType.WHATSAPP);
            assertThat(context.getBean(PublicEndpoints.class).patterns()).containsExactly("/webhooks/twilio/**");
            TwilioProperties properties = context.getBean(TwilioProperties.class);
            assertThat(properties.apiBaseUrl()).isEqualTo("https://api.twilio.com");
            assertThat(properties.defaultRegion()).isEqualTo("US");
            assertThat(properties.mediaHosts()).containsExactly("api.twilio.com", "*.twilio.com", "*.twiliocdn.com");
            assertThat(properties.mediaTimeout()).hasSeconds(10);
            TwilioProperties.Line line = properties.accounts().get(0).numbers().get(0);
            assertThat(line.messagesPerSecond()).isEqualTo(1.0);
            assertThat(line.whatsapp()).isFalse();
            assertThat(line.templates()).isEmpty();
        });
    }

    @Test
    void theAuthTokenNeverAppearsInToString() {
        runner.withPropertyValues(oneAccount).run(context -> assertThat(
                context.getBean(TwilioProperties.class).toString()).doesNotContain("very-secret-token")
                .contains("AC11111111111111111111111111111111"));
    }

    @Test
    void aMissingAuthTokenStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("hub.channels.twilio.enabled=true",
                        "hub.channels.twilio.accounts[0].account-sid=AC11111111111111111111111111111111",
                        "hub.channels.twilio.accounts[0].numbers[0].number=+15550001111")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.twilio.accounts[0].authToken")
                        .hasStackTraceContaining("auth-token"));
    }

    @Test
    void noAccountsStopsStartUp() {
        runner.withPropertyValues("hub.channels.twilio.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.twilio.accounts"));
    }

    @Test
    void aNumberThatIsNoPhoneNumberStopsStartUpNamingIt() {
        runner.withPropertyValues(oneAccount).withPropertyValues(
                        "hub.channels.twilio.accounts[0].numbers[0].number=not-a-number")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.twilio.accounts[0].numbers[0].number"));
    }
}

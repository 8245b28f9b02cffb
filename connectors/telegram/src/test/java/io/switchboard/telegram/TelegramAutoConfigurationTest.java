package io.switchboard.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PublicEndpoints;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TelegramAutoConfigurationTest {

    private static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, TelegramAutoConfiguration.class))
            .withBean(InboundGateway.class, TelegramTestApp.RecordingGateway::new)
            .withBean(AttachmentStore.class, () -> new FileAttachmentStore(Path.of("target/attachments"), 1024));

    private final ApplicationContextRunner enabledWithBot = runner.withPropertyValues(
            "hub.channels.telegram.enabled=true",
            "hub.channels.telegram.bots[0].name=support",
            "hub.channels.telegram.bots[0].token=" + TOKEN);

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(TelegramAutoConfiguration.class.getName());
    }

    @Test
    void isOffByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboundSender.class)
                .doesNotHaveBean(TelegramWebhookController.class));
    }

    @Test
    void withAPollingBotEverySpiBeanIsThereWithItsDefaults() {
        enabledWithBot.withPropertyValues("hub.channels.telegram.bots[0].mode=polling").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(OutboundSender.class).hasSingleBean(ChannelPolicy.class)
                    .hasSingleBean(TelegramWebhookController.class).hasSingleBean(TelegramPolling.class);
            assertThat(context.getBean(PublicEndpoints.class).patterns()).containsExactly("/webhooks/telegram/**");
            TelegramProperties properties = context.getBean(TelegramProperties.class);
            assertThat(properties.pollingEnabled()).isTrue();
            assertThat(properties.pollingTimeout()).hasSeconds(30);
            TelegramProperties.Bot bot = properties.bots().get(0);
            assertThat(bot.apiBaseUrl()).isEqualTo("https://api.telegram.org");
            assertThat(bot.maxAttachmentSize().toMegabytes()).isEqualTo(20);
            assertThat(bot.registerWebhook()).isFalse();
            assertThat(properties.toString()).contains("support").doesNotContain(TOKEN);
        });
    }

    @Test
    void enabledWithoutBotsStopsStartUpNamingTheSetting() {
        runner.withPropertyValues("hub.channels.telegram.enabled=true").run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("hub.channels.telegram.bots[0].name and .token"));
    }

    @Test
    void aWebhookBotWithoutSecretStopsStartUpNamingTheSetting() {
        enabledWithBot.run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("bots[0].webhookSecretPresent")
                .hasStackTraceContaining("webhook mode needs webhook-secret"));
    }

    @Test
    void aMalformedTokenIsRefusedWithoutPrintingIt() {
        runner.withPropertyValues("hub.channels.telegram.enabled=true", "hub.channels.telegram.bots[0].name=support",
                        "hub.channels.telegram.bots[0].token=secret token with spaces",
                        "hub.channels.telegram.bots[0].mode=polling")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("does not look like a bot token")
                        .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("secret token with spaces")));
    }

    @Test
    void registerWebhookNeedsThePublicBaseUrl() {
        enabledWithBot.withPropertyValues("hub.channels.telegram.bots[0].webhook-secret=abc",
                        "hub.channels.telegram.bots[0].register-webhook=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.public-base-url is not set"));
    }

    @Test
    void twoBotsWithOneNameAreRefused() {
        enabledWithBot.withPropertyValues("hub.channels.telegram.bots[0].mode=polling",
                        "hub.channels.telegram.bots[1].name=support", "hub.channels.telegram.bots[1].token=1:b",
                        "hub.channels.telegram.bots[1].mode=polling")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.telegram.bots[1].name: the name 'support' is used by two bots"));
    }

    @Test
    void pollingCanBeSwitchedOffOnANode() {
        enabledWithBot.withPropertyValues("hub.channels.telegram.bots[0].mode=polling",
                        "hub.channels.telegram.polling-enabled=false")
                .run(context -> assertThat(context.getBean(TelegramPolling.class).isRunning()).isFalse());
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}

package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.OutboundSender;
import java.nio.file.Path;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmailAutoConfigurationTest {

    private static final String M = "hub.channels.email.mailboxes[0].";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, EmailAutoConfiguration.class))
            .withBean(InboundGateway.class, EmailTestApp.RecordingGateway::new)
            .withBean(AttachmentStore.class, () -> new FileAttachmentStore(Path.of("target/att"), 1024));

    private ApplicationContextRunner enabled() {
        return runner.withPropertyValues("hub.channels.email.enabled=true", M + "address=Support@Shop.test",
                M + "imap.host=imap.shop.test", M + "imap.user=support", M + "imap.password=imap-pass-123",
                M + "smtp.host=smtp.shop.test", M + "smtp.password=smtp-pass-456");
    }

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(EmailAutoConfiguration.class.getName());
    }

    @Test
    void isOffByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboundSender.class)
                .doesNotHaveBean(RoutesBuilder.class).doesNotHaveBean(EmailProperties.class));
    }

    @Test
    void isOnWithItsDefaultsAndSecretsAreRedacted() {
        enabled().run(context -> {
            assertThat(context).hasSingleBean(OutboundSender.class).hasSingleBean(ChannelPolicy.class)
                    .hasSingleBean(RoutesBuilder.class).hasBean("emailHealthContributor");
            EmailProperties properties = context.getBean(EmailProperties.class);
            EmailProperties.Mailbox mailbox = properties.mailboxes().get(0);
            assertThat(mailbox.imap().effectivePort()).isEqualTo(993);
            assertThat(mailbox.imap().tls()).isEqualTo(EmailProperties.Tls.SSL);
            assertThat(mailbox.imap().folder()).isEqualTo("INBOX");
            assertThat(mailbox.imap().pollInterval()).hasSeconds(60);
            assertThat(mailbox.smtp().effectivePort()).isEqualTo(587);
            assertThat(mailbox.smtp().tls()).isEqualTo(EmailProperties.Tls.STARTTLS);
            assertThat(mailbox.key()).isEqualTo("support@shop.test");
            assertThat(properties.maxAttachmentSize().toMegabytes()).isEqualTo(25);
            assertThat(properties.defaultSubject()).isEqualTo("Your conversation with us");
            assertThat(properties.toString()).doesNotContain("imap-pass-123").doesNotContain("smtp-pass-456")
                    .contains("password=***");
        });
    }

    @Test
    void aMissingSecretStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("hub.channels.email.enabled=true", M + "address=support@shop.test",
                        M + "imap.host=imap.shop.test", M + "imap.user=support", M + "smtp.host=smtp.shop.test",
                        M + "smtp.password=x")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("mailboxes[0].imap.password")
                        .hasStackTraceContaining("set the IMAP password"));
    }

    @Test
    void enabledWithoutMailboxesFails() {
        runner.withPropertyValues("hub.channels.email.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("configure at least one mailbox under hub.channels.email.mailboxes"));
    }

    @Test
    void anUnknownTranscriptMailboxOrADuplicateMailboxFails() {
        enabled().withPropertyValues("hub.channels.email.transcript-mailbox=other@shop.test")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("hub.channels.email.transcript-mailbox other@shop.test"));
        String d = "hub.channels.email.mailboxes[1].";
        enabled().withPropertyValues(d + "address=support@shop.test", d + "imap.host=h", d + "imap.user=u",
                        d + "imap.password=p", d + "smtp.host=h", d + "smtp.password=p")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("is configured twice"));
    }
}

package io.switchboard.twilio;

import io.switchboard.core.spi.ConnectorStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.StatusReporter;
import io.switchboard.twilio.TwilioProperties.Account;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * SMS and WhatsApp through Twilio: the webhooks under {@code /webhooks/twilio/}, the sender, the
 * channel policies and the WhatsApp template catalog. Off unless {@code hub.channels.twilio.enabled=true}.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "hub.channels.twilio", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(TwilioProperties.class)
public class TwilioAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioAutoConfiguration.class);

    @Bean
    PhoneNumbers twilioPhoneNumbers(TwilioProperties properties) {
        return new PhoneNumbers(properties.defaultRegion());
    }

    @Bean
    TwilioDirectory twilioDirectory(TwilioProperties properties, PhoneNumbers phones) {
        return new TwilioDirectory(properties.accounts(), phones);
    }

    @Bean
    WebhookVerifier twilioWebhookVerifier(TwilioDirectory directory,
                                          @Value("${hub.public-base-url:}") String publicBaseUrl) {
        if (publicBaseUrl.isBlank()) {
            log.warn("hub.public-base-url is not set: Twilio webhook signatures are checked against the URL as the"
                    + " hub sees it (wrong behind a proxy) and no delivery status callbacks are requested");
        }
        return new WebhookVerifier(directory, publicBaseUrl);
    }

    @Bean
    InboundMapper twilioInboundMapper(TwilioProperties properties, TwilioDirectory directory, PhoneNumbers phones,
                                      AttachmentStore store) {
        MediaHosts hosts = new MediaHosts(properties.mediaHosts(), properties.apiBaseUrl());
        return new InboundMapper(directory, phones,
                new MediaDownloader(hosts, store, properties.connectTimeout(), properties.mediaTimeout()));
    }

    @Bean
    TwilioWebhookController twilioWebhookController(WebhookVerifier verifier, InboundMapper mapper,
                                                    InboundGateway gateway, StatusReporter reporter) {
        return new TwilioWebhookController(verifier, mapper, new TwilioStatuses(Clock.systemUTC()), gateway, reporter);
    }

    @Bean
    TwilioSender twilioSender(TwilioProperties properties, TwilioDirectory directory,
                              @Value("${hub.public-base-url:}") String publicBaseUrl,
                              ObjectProvider<ObjectMapper> json) {
        Map<String, TwilioRestClient> clients = new HashMap<>();
        for (Account account : directory.accounts()) {
            // One client per account, never the static Twilio.init: accounts must not share credentials.
            clients.put(account.accountSid(), new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                    .httpClient(new RewritingHttpClient(properties.apiBaseUrl(), properties.sendTimeout(),
                            properties.maxConnections())).build());
        }
        Map<String, SendRateLimiter> limiters = new HashMap<>();
        directory.numbers().forEach((e164, number) ->
                limiters.put(e164, new SendRateLimiter(number.settings().messagesPerSecond())));
        URI callback = publicBaseUrl.isBlank() ? null
                : URI.create(publicBaseUrl.strip().replaceAll("/+$", "") + TwilioWebhookController.STATUS);
        return new TwilioSender(directory, clients::get, limiters, callback, json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    TwilioPolicy twilioSmsPolicy(TwilioDirectory directory) {
        return new TwilioPolicy(ChannelType.SMS, directory, Clock.systemUTC());
    }

    @Bean
    TwilioPolicy twilioWhatsAppPolicy(TwilioDirectory directory) {
        return new TwilioPolicy(ChannelType.WHATSAPP, directory, Clock.systemUTC());
    }

    @Bean
    TwilioTemplateCatalog twilioTemplateCatalog(TwilioDirectory directory) {
        return new TwilioTemplateCatalog(directory);
    }

    @Bean
    TwilioPublicEndpoints twilioPublicEndpoints() {
        return new TwilioPublicEndpoints();
    }

    @Bean
    ConnectorStatus twilioStatus(TwilioDirectory directory) {
        return new TwilioStatus(directory);
    }
}

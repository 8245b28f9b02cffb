package io.switchboard.meta;

import io.switchboard.core.spi.ConnectorStatus;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.StatusReporter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Meta connector: Messenger, Instagram and WhatsApp Cloud API through one webhook ({@code /webhooks/meta})
 * and the Graph API. Off unless {@code hub.channels.meta.enabled=true}. See docs/meta.md.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "hub.channels.meta", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(MetaProperties.class)
public class MetaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MetaAutoConfiguration.class);

    @Bean
    MetaAccounts metaAccounts(MetaProperties properties) {
        log.info("Meta connector on: {} page(s), {} Instagram account(s), {} WhatsApp Cloud number(s), Graph {} {}",
                properties.pages().size(), properties.instagram().size(), properties.whatsapp().size(),
                properties.baseUrl(), properties.apiVersion());
        return new MetaAccounts(properties);
    }

    @Bean
    GraphClient metaGraphClient(MetaProperties properties) {
        // Our own mapper: the application's ObjectMapper customizations must not change Meta's wire format.
        // Redirects are followed by GraphClient itself, so a token is never forwarded to another host.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new GraphClient(http, new ObjectMapper(), properties.baseUrl(), properties.apiVersion(),
                properties.requestTimeout());
    }

    @Bean
    SentMessages metaSentMessages() {
        return new SentMessages(50_000);
    }

    @Bean
    WhatsAppTemplates metaWhatsAppTemplates(MetaAccounts accounts) {
        return new WhatsAppTemplates(accounts);
    }

    @Bean
    MetaWebhookController metaWebhookController(MetaProperties properties, MetaAccounts accounts, GraphClient graph,
                                                SentMessages sent, InboundGateway gateway, StatusReporter statuses,
                                                AttachmentStore store) {
        MediaFetcher media = new MediaFetcher(graph, store);
        ProfileNames names = new ProfileNames(graph, properties.profileCacheTtl(), properties.profileCacheSize());
        MetaWebhookHandler handler = new MetaWebhookHandler(accounts,
                new MessagingEvents(gateway, statuses, media, names, sent), new WhatsAppEvents(gateway, statuses, media));
        return new MetaWebhookController(new MetaSignature(properties.appSecret()), properties.verifyToken(),
                strictJson(), handler);
    }

    @Bean
    MetaSender metaSender(GraphClient graph, MetaAccounts accounts, SentMessages sent, WhatsAppTemplates templates,
                          ObjectProvider<Clock> clock) {
        return new MetaSender(accounts, new MessagingSender(graph, accounts, sent, clock.getIfAvailable(Clock::systemUTC)),
                new WhatsAppSender(graph, accounts, templates));
    }

    @Bean
    MessagingWindowPolicy metaMessengerPolicy(MetaAccounts accounts, ObjectProvider<Clock> clock) {
        return new MessagingWindowPolicy(ChannelType.MESSENGER, accounts, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    MessagingWindowPolicy metaInstagramPolicy(MetaAccounts accounts, ObjectProvider<Clock> clock) {
        return new MessagingWindowPolicy(ChannelType.INSTAGRAM, accounts, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WhatsAppWindowPolicy metaWhatsAppPolicy(MetaAccounts accounts, WhatsAppTemplates templates,
                                            ObjectProvider<Clock> clock) {
        return new WhatsAppWindowPolicy(accounts, templates, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    MetaPublicEndpoints metaPublicEndpoints() {
        return new MetaPublicEndpoints();
    }

    /** Rejects trailing garbage and duplicate keys that a lenient parser would quietly accept. */
    private static ObjectMapper strictJson() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    @Bean
    ConnectorStatus metaStatus(MetaProperties properties) {
        return new MetaStatus(properties);
    }
}

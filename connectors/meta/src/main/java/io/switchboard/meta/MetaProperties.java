package io.switchboard.meta;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Meta connector ({@code hub.channels.meta.*}): Messenger pages, Instagram accounts and
 * WhatsApp Cloud API numbers of one Meta app. See docs/meta.md. {@link #toString()} never shows a secret.
 *
 * @param enabled          the connector is off unless switched on
 * @param appSecret        the app's App Secret: key of the {@code X-Hub-Signature-256} HMAC
 * @param verifyToken      the token typed into the app's webhook settings, echoed in the subscription handshake
 * @param graphBaseUrl     Graph API host (tests point it at a fake)
 * @param apiVersion       Graph API version in every path, e.g. {@code v21.0}
 * @param pages            Facebook pages answered through Messenger
 * @param instagram        Instagram professional accounts
 * @param whatsapp         WhatsApp Cloud API phone numbers
 * @param profileCacheTtl  how long a customer's fetched profile name is reused
 * @param profileCacheSize how many profile names are kept at most
 * @param requestTimeout   longest wait for one Graph API call or media download
 */
@Validated
@ConfigurationProperties("hub.channels.meta")
record MetaProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank(message = "set hub.channels.meta.app-secret to the App Secret of your Meta app "
                + "(App settings > Basic), from an environment variable") String appSecret,
        @NotBlank(message = "set hub.channels.meta.verify-token to the Verify Token you type into the app's "
                + "webhook settings, from an environment variable") String verifyToken,
        @DefaultValue("https://graph.facebook.com") @NotBlank @Pattern(regexp = "https?://[^\\s/]+(:\\d+)?/?",
                message = "must be a scheme and host only, e.g. https://graph.facebook.com") String graphBaseUrl,
        @DefaultValue("v21.0") @Pattern(regexp = "v\\d+\\.\\d+", message = "must look like v21.0") String apiVersion,
        @DefaultValue @NotNull List<@Valid Page> pages,
        @DefaultValue @NotNull List<@Valid Instagram> instagram,
        @DefaultValue @NotNull List<@Valid WhatsApp> whatsapp,
        @DefaultValue("24h") @NotNull Duration profileCacheTtl,
        @DefaultValue("10000") @Min(0) @Max(10_000_000) int profileCacheSize,
        @DefaultValue("30s") @NotNull Duration requestTimeout) {

    /** Graph base URL without a trailing slash. */
    String baseUrl() {
        return graphBaseUrl.endsWith("/") ? graphBaseUrl.substring(0, graphBaseUrl.length() - 1) : graphBaseUrl;
    }

    @Override
    public String toString() {
        return "MetaProperties[enabled=" + enabled + ", appSecret=" + Redact.secret(appSecret)
                + ", verifyToken=" + Redact.secret(verifyToken) + ", graphBaseUrl=" + graphBaseUrl
                + ", apiVersion=" + apiVersion + ", pages=" + pages + ", instagram=" + instagram
                + ", whatsapp=" + whatsapp + "]";
    }

    /**
     * @param pageId        the Facebook page id (the {@code account} of Messenger addresses)
     * @param accessToken   a page access token with pages_messaging
     * @param humanAgentTag replies up to 7 days after the customer's last message, with the HUMAN_AGENT tag
     *                      (the app needs the Human Agent permission)
     */
    record Page(@NotBlank String pageId, @NotBlank String accessToken, @DefaultValue("false") boolean humanAgentTag) {

        @Override
        public String toString() {
            return "Page[pageId=" + pageId + ", accessToken=" + Redact.secret(accessToken)
                    + ", humanAgentTag=" + humanAgentTag + "]";
        }
    }

    /**
     * @param accountId     the Instagram professional account id (the {@code account} of Instagram addresses)
     * @param accessToken   the access token of the page linked to that account
     * @param humanAgentTag as for pages
     */
    record Instagram(@NotBlank String accountId, @NotBlank String accessToken,
                     @DefaultValue("false") boolean humanAgentTag) {

        @Override
        public String toString() {
            return "Instagram[accountId=" + accountId + ", accessToken=" + Redact.secret(accessToken)
                    + ", humanAgentTag=" + humanAgentTag + "]";
        }
    }

    /**
     * @param phoneNumberId the Cloud API phone number id (the {@code account} of WhatsApp Cloud addresses)
     * @param displayNumber the number in E.164, shown to agents
     * @param accessToken   a system-user token with whatsapp_business_messaging
     * @param templates     approved message templates of this number, offered to agents outside the 24-hour window
     */
    record WhatsApp(@NotBlank String phoneNumberId,
                    @NotBlank @Pattern(regexp = "\\+[1-9]\\d{6,14}", message = "must be E.164, e.g. +15550001111")
                    String displayNumber,
                    @NotBlank String accessToken,
                    @DefaultValue @NotNull List<@Valid Template> templates) {

        @Override
        public String toString() {
            return "WhatsApp[phoneNumberId=" + phoneNumberId + ", displayNumber=" + displayNumber
                    + ", accessToken=" + Redact.secret(accessToken) + ", templates=" + templates + "]";
        }
    }

    /**
     * @param name      the template's name at Meta
     * @param language  its language code at Meta, e.g. {@code en_US}
     * @param variables names of its body parameters {{1}}, {{2}}… in order
     * @param preview   the template text, for the agent
     */
    record Template(@NotBlank String name, @NotBlank String language, @DefaultValue @NotNull List<@NotBlank String> variables,
                    String preview) {

        /** The id agents send back in a {@code TemplateRef}. */
        String id() {
            return name + "/" + language;
        }
    }

    /** Keeps secrets out of logs and error messages. */
    static final class Redact {

        private Redact() {
        }

        static String secret(String value) {
            return value == null || value.isEmpty() ? "<unset>" : "******";
        }
    }
}

package io.switchboard.meta;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * WhatsApp Cloud API rules for our phone-number-ids only (Twilio numbers have their own policy): free text
 * within 24 hours of the customer's last message, after that only an approved template of this number (with
 * every variable filled); text up to 4096 characters; no attachments yet.
 */
final class WhatsAppWindowPolicy implements ChannelPolicy {

    static final Duration WINDOW = Duration.ofHours(24);
    static final int MAX_TEXT = 4096;

    private final MetaAccounts accounts;
    private final WhatsAppTemplates templates;
    private final Clock clock;

    WhatsAppWindowPolicy(MetaAccounts accounts, WhatsAppTemplates templates, Clock clock) {
        this.accounts = accounts;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public ChannelType channel() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public boolean appliesTo(ChannelAddress target) {
        return target.channel() == ChannelType.WHATSAPP && accounts.serves(target);
    }

    @Override
    public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        String account = message.target().account();
        if (!message.attachments().isEmpty()) {
            return refuse("unsupported", "WhatsApp replies with attachments are not supported in Switchboard yet: "
                    + "send text or share a link");
        }
        if (message.template() != null) {
            return template(message, account);
        }
        if (message.text() == null || message.text().isBlank()) {
            return refuse("empty", "The reply is empty: write some text or pick a template");
        }
        if (message.text().length() > MAX_TEXT) {
            return refuse("too_long", "The reply has " + message.text().length() + " characters; WhatsApp allows "
                    + MAX_TEXT + ". Shorten it or send it as several messages");
        }
        if (lastInboundAt == null) {
            return refuse("template_required", "This customer has not written to this WhatsApp number yet: the first "
                    + "message must be an approved template (" + templates.names(account) + ")");
        }
        Duration since = Duration.between(lastInboundAt, clock.instant());
        if (since.compareTo(WINDOW) > 0) {
            return refuse("template_required", "The customer last wrote " + MessagingWindowPolicy.ago(since)
                    + " ago; after 24 hours WhatsApp allows only an approved template. Send one of: "
                    + templates.names(account));
        }
        return Optional.empty();
    }

    private Optional<PolicyRefusal> template(OutboundMessage message, String account) {
        Optional<MetaProperties.Template> template = templates.find(account, message.template().id());
        if (template.isEmpty()) {
            return refuse("unknown_template", "Template '" + message.template().id() + "' is not configured for "
                    + "this WhatsApp number; use one of: " + templates.names(account));
        }
        List<String> missing = WhatsAppTemplates.missing(template.get(), message.template());
        if (!missing.isEmpty()) {
            return refuse("template_variables", "Template '" + template.get().id() + "' needs a value for "
                    + String.join(", ", missing));
        }
        return Optional.empty();
    }

    private static Optional<PolicyRefusal> refuse(String code, String reason) {
        return Optional.of(new PolicyRefusal(code, reason));
    }
}

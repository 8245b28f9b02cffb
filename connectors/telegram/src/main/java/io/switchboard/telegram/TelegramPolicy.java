package io.switchboard.telegram;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Telegram's limits for bots: 4096 characters per message, 50 MB per uploaded file, no templates.
 * There is no reply window. Captions (1024 characters) need no refusal: a longer text is sent as
 * its own message before the files.
 */
final class TelegramPolicy implements ChannelPolicy {

    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final TelegramBots bots;

    TelegramPolicy(TelegramBots bots) {
        this.bots = bots;
    }

    @Override
    public ChannelType channel() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public boolean appliesTo(ChannelAddress target) {
        return target.channel() == ChannelType.TELEGRAM && bots.has(target.account());
    }

    @Override
    public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        String text = message.text();
        boolean hasText = text != null && !text.isBlank();
        if (message.template() != null && !hasText) {
            return refuse("template_unsupported", "Telegram has no message templates; write the reply as text.");
        }
        if (!hasText && message.attachments().isEmpty()) {
            return refuse("empty", "The reply is empty; write a text or attach a file.");
        }
        if (hasText && text.length() > TelegramSender.MAX_TEXT) {
            return refuse("too_long", "The reply has " + text.length() + " characters; Telegram allows at most "
                    + TelegramSender.MAX_TEXT + " per message. Shorten it or send it as several messages.");
        }
        for (AttachmentRef file : message.attachments()) {
            if (file.size() > MAX_UPLOAD_BYTES) {
                return refuse("attachment_too_large", "\"" + file.name() + "\" is "
                        + MediaFetcher.humanSize(file.size()) + "; Telegram bots can send files up to 50 MB. "
                        + "Share a link to the file instead.");
            }
        }
        return Optional.empty();
    }

    private static Optional<PolicyRefusal> refuse(String code, String reason) {
        return Optional.of(new PolicyRefusal(code, reason));
    }
}

package io.switchboard.meta;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender;
import java.util.Set;

/**
 * The connector's one sender. It claims only targets whose account is one of ours (a page, an Instagram
 * account, a Cloud API phone-number-id), so WhatsApp numbers served by another connector (Twilio) stay theirs.
 */
final class MetaSender implements OutboundSender {

    private final MetaAccounts accounts;
    private final MessagingSender messaging;
    private final WhatsAppSender whatsapp;

    MetaSender(MetaAccounts accounts, MessagingSender messaging, WhatsAppSender whatsapp) {
        this.accounts = accounts;
        this.messaging = messaging;
        this.whatsapp = whatsapp;
    }

    @Override
    public Set<ChannelType> channels() {
        return Set.of(ChannelType.MESSENGER, ChannelType.INSTAGRAM, ChannelType.WHATSAPP);
    }

    @Override
    public boolean handles(ChannelAddress target) {
        return accounts.serves(target);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return message.channel() == ChannelType.WHATSAPP ? whatsapp.send(message) : messaging.send(message);
    }
}

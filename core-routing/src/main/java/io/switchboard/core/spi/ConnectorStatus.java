package io.switchboard.core.spi;

import io.switchboard.core.model.ChannelType;
import java.util.List;
import java.util.Map;

/**
 * What an enabled connector tells the admin about itself: its name and the accounts it serves,
 * with settings safe to show (never a secret). Each connector's auto-configuration provides one;
 * a connector without a bean is shown as disabled.
 */
public interface ConnectorStatus {

    /** Every connector the hub ships, by the name of its {@code hub.channels.<name>} block, with its channels. */
    Map<String, List<ChannelType>> KNOWN = Map.of(
            "webchat", List.of(ChannelType.WEBCHAT),
            "email", List.of(ChannelType.EMAIL),
            "twilio", List.of(ChannelType.SMS, ChannelType.WHATSAPP),
            "meta", List.of(ChannelType.MESSENGER, ChannelType.INSTAGRAM, ChannelType.WHATSAPP),
            "telegram", List.of(ChannelType.TELEGRAM));

    /** The {@code hub.channels.<name>} of the connector, e.g. {@code twilio}. */
    String name();

    List<Account> accounts();

    /**
     * One of our accounts on a channel (a phone number, a mailbox, a page, a bot, a site).
     *
     * @param settings non-secret settings to show; a secret appears only as {@link #REDACTED}
     */
    record Account(ChannelType channel, String account, Map<String, Object> settings) {

        public static final String REDACTED = "***";

        public Account {
            settings = settings == null ? Map.of() : settings;
        }
    }
}

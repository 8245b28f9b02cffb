package io.switchboard.twilio;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.ConnectorStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every number (SMS, and WhatsApp where enabled) for the admin's connector list, auth tokens redacted. */
record TwilioStatus(TwilioDirectory directory) implements ConnectorStatus {

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        directory.numbers().values().forEach(n -> {
            Map<String, Object> settings = Map.of("accountSid", n.account().accountSid(), "authToken", Account.REDACTED);
            accounts.add(new Account(ChannelType.SMS, n.e164(), settings));
            if (n.settings().whatsapp()) {
                accounts.add(new Account(ChannelType.WHATSAPP, n.e164(), settings));
            }
        });
        return accounts;
    }
}

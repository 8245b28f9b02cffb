package io.switchboard.email;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.ConnectorStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mailboxes for the admin's connector list, passwords redacted. */
record EmailStatus(EmailProperties properties) implements ConnectorStatus {

    @Override
    public String name() {
        return "email";
    }

    @Override
    public List<Account> accounts() {
        return properties.mailboxes().stream().map(m -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("imapHost", m.imap().host());
            settings.put("imapUser", m.imap().user());
            settings.put("imapPassword", Account.REDACTED);
            settings.put("smtpHost", m.smtp().host());
            settings.put("smtpPassword", Account.REDACTED);
            return new Account(ChannelType.EMAIL, m.key(), settings);
        }).toList();
    }
}

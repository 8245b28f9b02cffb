package io.switchboard.meta;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.ConnectorStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pages, Instagram accounts and WhatsApp numbers for the admin's connector list, tokens redacted. */
record MetaStatus(MetaProperties properties) implements ConnectorStatus {

    @Override
    public String name() {
        return "meta";
    }

    @Override
    public List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        Map<String, Object> token = Map.of("accessToken", Account.REDACTED);
        properties.pages().forEach(p -> accounts.add(new Account(ChannelType.MESSENGER, p.pageId(), token)));
        properties.instagram().forEach(i -> accounts.add(new Account(ChannelType.INSTAGRAM, i.accountId(), token)));
        properties.whatsapp().forEach(w -> {
            Map<String, Object> settings = new HashMap<>(token);
            if (w.displayNumber() != null) {
                settings.put("displayNumber", w.displayNumber());
            }
            accounts.add(new Account(ChannelType.WHATSAPP, w.phoneNumberId(), settings));
        });
        return accounts;
    }
}

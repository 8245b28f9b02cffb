package io.switchboard.webchat;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.ConnectorStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The widget's site account for the admin's connector list; the session secret only as set or not. */
record WebchatStatus(WebchatProperties properties) implements ConnectorStatus {

    @Override
    public String name() {
        return "webchat";
    }

    @Override
    public List<Account> accounts() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("allowedOrigins", properties.allowedOrigins());
        settings.put("title", properties.title());
        settings.put("sessionSecret", properties.sessionSecret() == null ? "generated" : Account.REDACTED);
        return List.of(new Account(ChannelType.WEBCHAT, properties.account(), settings));
    }
}

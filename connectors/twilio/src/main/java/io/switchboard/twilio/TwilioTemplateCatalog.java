package io.switchboard.twilio;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.TemplateCatalog;
import java.util.List;

/** The approved WhatsApp templates (Twilio Content API, ContentSid HX…) configured per number. */
final class TwilioTemplateCatalog implements TemplateCatalog {

    private final TwilioDirectory directory;

    TwilioTemplateCatalog(TwilioDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ChannelType channel() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public List<Template> templates(String account) {
        return directory.number(account).filter(n -> n.settings().whatsapp()).stream()
                .flatMap(n -> n.settings().templates().stream())
                .map(t -> new Template(t.contentSid(), t.name(), t.language(), t.variables(), t.preview()))
                .toList();
    }
}

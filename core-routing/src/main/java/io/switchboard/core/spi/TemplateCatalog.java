package io.switchboard.core.spi;

import io.switchboard.core.model.ChannelType;
import java.util.List;

/**
 * Approved message templates a connector can send outside a channel's reply window (WhatsApp,
 * Messenger), offered to agents by the inbox.
 */
public interface TemplateCatalog {

    ChannelType channel();

    /** Templates usable from one of our accounts (a number, a page). */
    List<Template> templates(String account);

    /**
     * @param id        what the provider needs to send it (a Twilio ContentSid, a WhatsApp template name)
     * @param name      what the agent sees
     * @param language  e.g. "en"
     * @param variables variable names in order, e.g. ["1", "2"] or ["name", "order"]
     * @param preview   the template text with its placeholders, for the agent
     */
    record Template(String id, String name, String language, List<String> variables, String preview) {

        public Template {
            variables = variables == null ? List.of() : List.copyOf(variables);
        }
    }
}

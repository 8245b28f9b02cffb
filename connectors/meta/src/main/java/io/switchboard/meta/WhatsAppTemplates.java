package io.switchboard.meta;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.TemplateCatalog;
import java.util.List;
import java.util.Optional;

/**
 * The approved WhatsApp templates configured per Cloud API number ({@code whatsapp[].templates}). A template's
 * id is {@code name/language} (e.g. {@code order_update/en_US}); a bare name picks its first configured language.
 * Accounts of other connectors (Twilio numbers) get an empty list.
 */
final class WhatsAppTemplates implements TemplateCatalog {

    private final MetaAccounts accounts;

    WhatsAppTemplates(MetaAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public ChannelType channel() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public List<Template> templates(String account) {
        return accounts.whatsapp(account).map(number -> number.templates().stream()
                .map(t -> new Template(t.id(), t.name() + " (" + t.language() + ")", t.language(), t.variables(),
                        t.preview()))
                .toList()).orElse(List.of());
    }

    Optional<MetaProperties.Template> find(String account, String id) {
        if (id == null) {
            return Optional.empty();
        }
        List<MetaProperties.Template> configured = accounts.whatsapp(account)
                .map(MetaProperties.WhatsApp::templates).orElse(List.of());
        return configured.stream().filter(t -> t.id().equals(id)).findFirst()
                .or(() -> configured.stream().filter(t -> t.name().equals(id)).findFirst());
    }

    /** Variables the template needs that the reference does not fill, in order. */
    static List<String> missing(MetaProperties.Template template, TemplateRef ref) {
        return template.variables().stream()
                .filter(name -> ref.variables().get(name) == null || ref.variables().get(name).isBlank())
                .toList();
    }

    /** Names of the templates of a number, for refusal messages. */
    String names(String account) {
        List<String> ids = templates(account).stream().map(Template::id).toList();
        return ids.isEmpty() ? "none configured (add them under hub.channels.meta.whatsapp[].templates)"
                : String.join(", ", ids);
    }
}

package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.OutboundSender.SendResult;
import io.switchboard.core.spi.PermanentSendException;
import java.util.List;

/**
 * WhatsApp Cloud API replies: {@code POST /{version}/{phone-number-id}/messages} with the number's Bearer token,
 * free text ({@code type: text}) or an approved template ({@code type: template}, body parameters in the
 * configured variable order).
 */
final class WhatsAppSender {

    private static final String TOKEN_PROPERTY = "hub.channels.meta.whatsapp[].access-token";

    private final GraphClient graph;
    private final MetaAccounts accounts;
    private final WhatsAppTemplates templates;

    WhatsAppSender(GraphClient graph, MetaAccounts accounts, WhatsAppTemplates templates) {
        this.graph = graph;
        this.accounts = accounts;
        this.templates = templates;
    }

    SendResult send(OutboundMessage message) {
        String account = message.target().account();
        MetaProperties.WhatsApp number = accounts.whatsapp(account).orElseThrow(() -> new PermanentSendException(
                "WhatsApp Cloud number " + account + " is not configured under hub.channels.meta.whatsapp"));
        String to = message.target().address().startsWith("+") ? message.target().address().substring(1)
                : message.target().address();
        if (!to.matches("[1-9]\\d{6,14}")) {
            throw new PermanentSendException("'" + message.target().address() + "' is not a phone number in E.164 "
                    + "format; WhatsApp needs one like +15550001111");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to", to);
        if (message.template() != null) {
            template(body, account, message.template());
        } else if (message.text() != null && !message.text().isBlank()) {
            body.put("type", "text").putObject("text").put("preview_url", false).put("body", message.text());
        } else {
            throw new PermanentSendException("The WhatsApp reply has no text and no template; attachments are not "
                    + "supported on this channel by Switchboard yet");
        }
        JsonNode response;
        try {
            response = graph.post(number.phoneNumberId() + "/messages", GraphClient.Auth.bearer(number.accessToken()), body);
        } catch (GraphException e) {
            throw GraphErrors.toSendFailure(e, ChannelType.WHATSAPP, TOKEN_PROPERTY);
        }
        String wamid = response.path("messages").path(0).path("id").asText("");
        return new SendResult(wamid.isBlank() ? null : wamid);
    }

    private void template(ObjectNode body, String account, TemplateRef ref) {
        MetaProperties.Template template = templates.find(account, ref.id()).orElseThrow(() ->
                new PermanentSendException("WhatsApp template '" + ref.id() + "' is not configured for this number; "
                        + "known templates: " + templates.names(account)));
        List<String> missing = WhatsAppTemplates.missing(template, ref);
        if (!missing.isEmpty()) {
            throw new PermanentSendException("WhatsApp template '" + template.id() + "' needs values for " + missing);
        }
        ObjectNode node = body.put("type", "template").putObject("template");
        node.put("name", template.name()).putObject("language").put("code", template.language());
        if (!template.variables().isEmpty()) {
            ObjectNode component = node.putArray("components").addObject().put("type", "body");
            ArrayNode parameters = component.putArray("parameters");
            for (String variable : template.variables()) {
                parameters.addObject().put("type", "text").put("text", ref.variables().get(variable));
            }
        }
    }
}

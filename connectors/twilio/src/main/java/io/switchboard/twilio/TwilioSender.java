package io.switchboard.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sends replies through Twilio's Messages API, one REST client per account, at each number's rate.
 * Free text goes as Body; a WhatsApp template as ContentSid + ContentVariables.
 */
final class TwilioSender implements OutboundSender {

    private final TwilioDirectory directory;
    private final Function<String, TwilioRestClient> clients;
    private final Map<String, SendRateLimiter> limiters;
    private final URI statusCallback;
    private final ObjectMapper json;

    TwilioSender(TwilioDirectory directory, Function<String, TwilioRestClient> clients,
                 Map<String, SendRateLimiter> limiters, URI statusCallback, ObjectMapper json) {
        this.directory = directory;
        this.clients = clients;
        this.limiters = limiters;
        this.statusCallback = statusCallback;
        this.json = json;
    }

    @Override
    public Set<ChannelType> channels() {
        return Set.of(ChannelType.SMS, ChannelType.WHATSAPP);
    }

    @Override
    public boolean handles(ChannelAddress target) {
        return channels().contains(target.channel()) && directory.serves(target);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        ChannelAddress target = message.target();
        TwilioDirectory.Number number = directory.number(target.account()).filter(n -> n.serves(target.channel()))
                .orElseThrow(() -> new PermanentSendException("No Twilio " + target.channel() + " number "
                        + target.account() + " is configured under hub.channels.twilio.accounts"));
        MessageCreator creator = creator(message, number);
        if (statusCallback != null) {
            creator.setStatusCallback(statusCallback);
        }
        try {
            limiters.get(number.e164()).acquire();
            Message sent = creator.create(clients.apply(number.account().accountSid()));
            return new SendResult(sent.getSid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientSendException("interrupted while waiting for the send rate of " + number.e164(), e);
        } catch (ApiException e) {
            throw classify(e);
        } catch (TwilioException e) {
            throw new TransientSendException("Twilio could not be reached: " + e.getMessage(), e);
        }
    }

    private MessageCreator creator(OutboundMessage message, TwilioDirectory.Number number) {
        boolean whatsapp = message.channel() == ChannelType.WHATSAPP;
        PhoneNumber to = address(whatsapp, message.target().address());
        PhoneNumber from = address(whatsapp, number.e164());
        TemplateRef template = message.template();
        if (template != null) {
            if (!whatsapp) {
                throw new PermanentSendException("Templates are for WhatsApp; send SMS replies as text");
            }
            requireKnown(template, number);
            return Message.creator(to, from, (String) null).setContentSid(template.id())
                    .setContentVariables(variables(template));
        }
        if (message.text() == null || message.text().isBlank()) {
            throw new PermanentSendException("The reply has no text; " + message.channel() + " replies are text only");
        }
        if (!message.attachments().isEmpty()) {
            throw new PermanentSendException("Attachments cannot be sent by " + message.channel()
                    + " through Twilio yet; send the text without them");
        }
        return Message.creator(to, from, message.text());
    }

    private static void requireKnown(TemplateRef template, TwilioDirectory.Number number) {
        boolean known = number.settings().templates().stream().anyMatch(t -> t.contentSid().equals(template.id()));
        if (!known) {
            throw new PermanentSendException("Template " + template.id() + " is not configured for " + number.e164()
                    + "; pick one of the number's approved templates");
        }
    }

    private String variables(TemplateRef template) {
        try {
            return json.writeValueAsString(new TreeMap<>(template.variables()));
        } catch (JsonProcessingException e) {
            throw new PermanentSendException("The template variables cannot be written as JSON", e);
        }
    }

    private static PhoneNumber address(boolean whatsapp, String e164) {
        return new PhoneNumber(whatsapp ? PhoneNumbers.WHATSAPP_PREFIX + e164 : e164);
    }

    /** 429 and 5xx (or no answer) are worth retrying; any other refusal is not. */
    static RuntimeException classify(ApiException e) {
        Integer status = e.getStatusCode();
        String detail = "Twilio " + (e.getCode() == null ? "" : "error " + e.getCode() + ": ") + e.getMessage()
                + (e.getMoreInfo() == null ? "" : " (" + e.getMoreInfo() + ")");
        if (status == null || status == 429 || status >= 500) {
            return new TransientSendException(detail + (status == null ? "" : " [HTTP " + status + "]"), e);
        }
        return new PermanentSendException(detail, e);
    }
}

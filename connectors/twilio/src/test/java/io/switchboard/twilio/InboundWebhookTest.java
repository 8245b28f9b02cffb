package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundRejectedException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundWebhookTest extends TwilioWebTest {

    static final String PATH = TwilioWebhookController.MESSAGES;

    @Test
    void aSignedSmsIsHandedToTheBusAndAnsweredWithEmptyTwiml() {
        HttpResponse<String> response = postSigned(PATH, sms("SM00000000000000000000000000000001", "Where is my order?"),
                TOKEN_ONE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(response.body()).isEqualTo(TwilioWebhookController.EMPTY_TWIML);
        assertThat(gateway.accepted).singleElement().satisfies(message -> {
            assertThat(message.customer()).isEqualTo(new ChannelAddress(ChannelType.SMS, WHATSAPP_NUMBER, CUSTOMER));
            assertThat(message.providerMessageId()).isEqualTo("SM00000000000000000000000000000001");
            assertThat(message.text()).isEqualTo("Where is my order?");
            assertThat(message.context()).containsEntry("geo.country", "US")
                    .containsEntry("twilio.accountSid", ACCOUNT_ONE);
        });
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsStored() {
        Map<String, String> params = sms("SM00000000000000000000000000000002", "hi");
        String forged = TwilioSigner.sign("not-the-token", PUBLIC + PATH, params);

        assertThat(post(PATH, params, forged).statusCode()).isEqualTo(403);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void aMissingSignatureIsRefusedAndNothingIsStored() {
        HttpResponse<String> response = post(PATH, sms("SM00000000000000000000000000000003", "hi"), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("X-Twilio-Signature");
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void theSignatureCountsOverThePublicUrlNotTheOneBehindTheProxy() {
        Map<String, String> params = sms("SM00000000000000000000000000000004", "hi");
        String overLocalUrl = TwilioSigner.sign(TOKEN_ONE, "http://127.0.0.1:" + port + PATH, params);

        assertThat(post(PATH, params, overLocalUrl).statusCode()).isEqualTo(403);
        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangedParameterBreaksTheSignature() {
        Map<String, String> params = sms("SM00000000000000000000000000000005", "hi");
        String signature = TwilioSigner.sign(TOKEN_ONE, PUBLIC + PATH, params);
        params.put("Body", "transfer all the money");

        assertThat(post(PATH, params, signature).statusCode()).isEqualTo(403);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void twilioRetriesAreHandedOverWithTheSameProviderId() {
        Map<String, String> params = sms("SM00000000000000000000000000000006", "hello twice");

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(200);
        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(200);

        assertThat(gateway.accepted).hasSize(2);
        InboundMessage first = gateway.accepted.get(0);
        InboundMessage second = gateway.accepted.get(1);
        assertThat(second.providerMessageId()).isEqualTo(first.providerMessageId())
                .isEqualTo("SM00000000000000000000000000000006");
        assertThat(second.hubId()).isEqualTo(first.hubId());
        assertThat(second.dedupeKey()).isEqualTo(first.dedupeKey());
    }

    @Test
    void whatsAppAndSmsOfOnePhoneHaveTheSameE164Address() {
        Map<String, String> whatsapp = sms("SM00000000000000000000000000000009", "hi on WhatsApp");
        whatsapp.put("From", "whatsapp:" + CUSTOMER);
        whatsapp.put("To", "whatsapp:" + WHATSAPP_NUMBER);
        whatsapp.put("ProfileName", "Ada");
        Map<String, String> sms = sms("SM00000000000000000000000000000010", "hi on SMS");
        sms.put("To", SLOW_NUMBER);

        assertThat(postSigned(PATH, whatsapp, TOKEN_ONE).statusCode()).isEqualTo(200);
        assertThat(postSigned(PATH, sms, TOKEN_ONE).statusCode()).isEqualTo(200);

        InboundMessage viaWhatsApp = gateway.accepted.get(0);
        InboundMessage viaSms = gateway.accepted.get(1);
        assertThat(viaWhatsApp.customer()).isEqualTo(new ChannelAddress(ChannelType.WHATSAPP, WHATSAPP_NUMBER, CUSTOMER));
        assertThat(viaWhatsApp.displayName()).isEqualTo("Ada");
        assertThat(viaSms.customer()).isEqualTo(new ChannelAddress(ChannelType.SMS, SLOW_NUMBER, CUSTOMER));
        assertThat(viaSms.customer().address()).isEqualTo(viaWhatsApp.customer().address());
    }

    @Test
    void anUnknownToIsNotFound() {
        Map<String, String> params = sms("SM00000000000000000000000000000011", "hi");
        params.put("To", "+15559999999");

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(404);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void whatsAppToANumberWithoutWhatsAppIsNotFound() {
        Map<String, String> params = sms("SM00000000000000000000000000000012", "hi");
        params.put("From", "whatsapp:" + CUSTOMER);
        params.put("To", "whatsapp:" + SLOW_NUMBER);

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(404);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void anUnknownAccountSidIsNotFound() {
        Map<String, String> params = sms("SM00000000000000000000000000000013", "hi");
        params.put("AccountSid", "AC99999999999999999999999999999999");

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(404);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void aNumberOfAnotherAccountIsNotFoundUnderThisAccount() {
        Map<String, String> params = sms("SM00000000000000000000000000000014", "hi");
        params.put("To", OTHER_ACCOUNT_NUMBER);

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(404);
        params.put("AccountSid", ACCOUNT_TWO);
        assertThat(postSigned(PATH, params, TOKEN_TWO).statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).singleElement().extracting(m -> m.customer().account())
                .isEqualTo(OTHER_ACCOUNT_NUMBER);
    }

    @Test
    void aSignedRequestWithoutMessageSidIsABadRequest() {
        Map<String, String> params = sms("x", "hi");
        params.remove("MessageSid");

        HttpResponse<String> response = postSigned(PATH, params, TOKEN_ONE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MessageSid");
    }

    @Test
    void aBusOutageIsAnsweredWith503SoTwilioMayRetry() {
        gateway.failNext.set(new BusUnavailableException("broker down", null));

        assertThat(postSigned(PATH, sms("SM00000000000000000000000000000015", "hi"), TOKEN_ONE).statusCode())
                .isEqualTo(503);
    }

    @Test
    void aMessageTheHubRejectsIsAnsweredWithItsReason() {
        gateway.failNext.set(new InboundRejectedException(InboundRejectedException.Reason.TOO_LARGE, "text too long"));

        HttpResponse<String> response = postSigned(PATH, sms("SM00000000000000000000000000000016", "hi"), TOKEN_ONE);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("text too long");
    }

    /** An incoming SMS as Twilio posts it. */
    static Map<String, String> sms(String sid, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("ToState", "CA");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("ToCity", "");
        params.put("FromZip", "94105");
        params.put("SmsSid", sid);
        params.put("FromState", "CA");
        params.put("SmsStatus", "received");
        params.put("FromCity", "SAN FRANCISCO");
        params.put("Body", body);
        params.put("FromCountry", "US");
        params.put("To", WHATSAPP_NUMBER);
        params.put("ToZip", "");
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", ACCOUNT_ONE);
        params.put("From", CUSTOMER);
        params.put("ApiVersion", "2010-04-01");
        return new HashMap<>(params);
    }
}

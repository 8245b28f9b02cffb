package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCallbackTest extends TwilioWebTest {

    static final String PATH = TwilioWebhookController.STATUS;
    static final String SID = "SM0123456789abcdef0123456789abcdef";

    @Test
    void outOfOrderCallbacksAreEachReportedFaithfully() {
        for (String status : new String[] {"delivered", "sent", "read", "queued"}) {
            assertThat(postSigned(PATH, callback(status, CUSTOMER), TOKEN_ONE).statusCode()).isEqualTo(200);
        }

        assertThat(reporter.reported).extracting(DeliveryStatus::state).containsExactly(
                DeliveryState.DELIVERED, DeliveryState.SENT, DeliveryState.READ, DeliveryState.QUEUED);
        assertThat(reporter.reported).allSatisfy(status -> {
            assertThat(status.hubId()).isNull();
            assertThat(status.providerId()).isEqualTo(SID);
            assertThat(status.channel()).isEqualTo(ChannelType.SMS);
            assertThat(status.error()).isNull();
            assertThat(status.at()).isNotNull();
        });
    }

    @Test
    void aFailureCarriesTwiliosCodeAndAHumanReason() {
        Map<String, String> undelivered = callback("undelivered", "whatsapp:" + CUSTOMER);
        undelivered.put("From", "whatsapp:" + WHATSAPP_NUMBER);
        undelivered.put("ErrorCode", "63016");
        Map<String, String> failed = callback("failed", CUSTOMER);
        failed.put("ErrorCode", "30003");

        postSigned(PATH, undelivered, TOKEN_ONE);
        postSigned(PATH, failed, TOKEN_ONE);

        assertThat(reporter.reported).hasSize(2);
        DeliveryStatus whatsapp = reporter.reported.get(0);
        assertThat(whatsapp.channel()).isEqualTo(ChannelType.WHATSAPP);
        assertThat(whatsapp.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(whatsapp.error()).contains("63016").contains("24-hour").contains("template");
        assertThat(reporter.reported.get(1).error()).contains("30003").contains("Unreachable");
    }

    @Test
    void statusCallbacksAreSignedLikeMessages() {
        Map<String, String> params = callback("delivered", CUSTOMER);

        assertThat(post(PATH, params, null).statusCode()).isEqualTo(403);
        assertThat(post(PATH, params, TwilioSigner.sign(TOKEN_TWO, PUBLIC + PATH, params)).statusCode()).isEqualTo(404);
        assertThat(post(PATH, params, "bm9wZQ==").statusCode()).isEqualTo(403);
        assertThat(reporter.reported).isEmpty();
    }

    @Test
    void statusesThatSayNothingAboutDeliveryAreAcknowledgedButNotReported() {
        assertThat(postSigned(PATH, callback("receiving", CUSTOMER), TOKEN_ONE).statusCode()).isEqualTo(200);
        assertThat(reporter.reported).isEmpty();
    }

    /** A status callback as Twilio posts it for a message we sent to {@code to}. */
    static Map<String, String> callback(String status, String to) {
        Map<String, String> params = new HashMap<>();
        params.put("AccountSid", ACCOUNT_ONE);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", WHATSAPP_NUMBER);
        params.put("MessageSid", SID);
        params.put("MessageStatus", status);
        params.put("SmsSid", SID);
        params.put("SmsStatus", status);
        params.put("To", to);
        return params;
    }
}

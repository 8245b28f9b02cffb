package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Phone normalization, media hosts, the rate limiter's arithmetic and the webhook URL/parameters. */
class SmallPartsTest {

    @Test
    void phoneNumbersBecomeE164() {
        PhoneNumbers phones = new PhoneNumbers("us");
        assertThat(phones.normalize("whatsapp:+14155552671")).isEqualTo("+14155552671");
        assertThat(phones.normalize("(415) 555-2671")).isEqualTo("+14155552671");
        assertThat(phones.normalize("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(new PhoneNumbers("DE").normalize("030 1234567")).isEqualTo("+49301234567");
        // Short codes and alphanumeric senders are not phone numbers: kept as Twilio wrote them.
        assertThat(phones.normalize("MyShop")).isEqualTo("MyShop");
        assertThat(PhoneNumbers.isWhatsApp("WhatsApp:+1415")).isTrue();
        assertThat(PhoneNumbers.isWhatsApp("+1415")).isFalse();
    }

    @Test
    void aNumberSeenBeforeGivesTheSameAnswer() {
        PhoneNumbers phones = new PhoneNumbers("US");
        for (int i = 0; i < 3; i++) {
            // the second and third answers come from the cache: they must be what parsing gave
            assertThat(phones.e164("whatsapp:+14155552671")).contains("+14155552671");
            assertThat(phones.e164(" (415) 555-2671 ")).contains("+14155552671");
            assertThat(phones.e164("MyShop")).isEmpty();
            assertThat(phones.normalize("MyShop")).isEqualTo("MyShop");
        }
        // the cache belongs to one default region: the same digits mean another number elsewhere
        assertThat(new PhoneNumbers("DE").e164("030 1234567")).contains("+49301234567");
        assertThat(phones.e164("030 1234567")).isNotEqualTo(Optional.of("+49301234567"));
    }

    @Test
    void mediaComesOnlyFromAllowedHostsAndCredentialsGoOnlyToTwilio() {
        MediaHosts hosts = new MediaHosts(List.of("api.twilio.com", "*.twilio.com", "*.twiliocdn.com"),
                "https://api.twilio.com");
        assertThat(hosts.allowed(URI.create("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")))
                .isTrue();
        assertThat(hosts.allowed(URI.create("https://media.twiliocdn.com/AC1/abc"))).isTrue();
        assertThat(hosts.allowed(URI.create("http://media.twiliocdn.com/AC1/abc"))).isFalse();
        assertThat(hosts.allowed(URI.create("https://twiliocdn.com.evil.example/x"))).isFalse();
        assertThat(hosts.allowed(URI.create("https://evil.example/x"))).isFalse();
        assertThat(hosts.takesCredentials(URI.create("https://api.twilio.com/x"))).isTrue();
        assertThat(hosts.takesCredentials(URI.create("https://media.twiliocdn.com/x"))).isFalse();

        MediaHosts local = new MediaHosts(List.of(), "http://127.0.0.1:8089");
        assertThat(local.allowed(URI.create("http://127.0.0.1:8089/x"))).isTrue();
        assertThat(local.takesCredentials(URI.create("http://127.0.0.1:8089/x"))).isTrue();
    }

    @Test
    void theRateLimiterHandsOutEvenlySpacedSlots() throws Exception {
        AtomicLong now = new AtomicLong(1_000);
        List<Long> waits = new ArrayList<>();
        SendRateLimiter limiter = new SendRateLimiter(4, now::get, waits::add);

        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }
        assertThat(waits).containsExactly(250_000_000L, 500_000_000L);

        now.addAndGet(2_000_000_000L);
        waits.clear();
        limiter.acquire();
        assertThat(waits).isEmpty();
    }

    @Test
    void theSignedUrlIsThePublicOneWithPathAndQuery() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/twilio/messages");
        request.setServerName("10.0.0.5");
        request.setServerPort(8080);
        request.setQueryString("tenant=a");

        assertThat(new WebhookVerifier(null, "https://hub.example.com/").calledUrl(request))
                .isEqualTo("https://hub.example.com/webhooks/twilio/messages?tenant=a");
        assertThat(new WebhookVerifier(null, "").calledUrl(request))
                .isEqualTo("http://10.0.0.5:8080/webhooks/twilio/messages?tenant=a");
    }

    @Test
    void queryParametersAreNotTakenForPostedOnes() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/twilio/messages");
        request.setQueryString("tenant=a&Body=from-query");
        request.addParameter("tenant", "a");
        request.addParameter("Body", "from-query", "posted");
        request.addParameter("From", "+14155552671");

        assertThat(WebhookVerifier.postParams(request)).containsOnly(
                java.util.Map.entry("Body", "posted"), java.util.Map.entry("From", "+14155552671"));
    }
}

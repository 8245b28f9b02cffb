package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutomatedMailTest {

    private static final String US = "support@shop.test";

    @ParameterizedTest
    @ValueSource(strings = {
            "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated; owner-email=\"x@y.test\"",
            "Precedence: bulk", "Precedence: junk", "Precedence: list", "X-Autoreply: yes", "X-Autorespond: on",
            "List-Id: <news.example.test>", "List-Unsubscribe: <mailto:u@x.test>", "Return-Path: <>",
            "X-Failed-Recipients: gone@x.test"})
    void recognizesAutomatedHeaders(String header) throws Exception {
        assertThat(AutomatedMail.reason(mail(header + "\nFrom: a@customer.test", "text/plain"), US)).isPresent();
    }

    @Test
    void recognizesReportsDaemonsAndOurOwnMail() throws Exception {
        assertThat(AutomatedMail.reason(mail("From: a@customer.test",
                "multipart/report; report-type=delivery-status; boundary=x"), US)).get().asString()
                .contains("multipart/report");
        assertThat(AutomatedMail.reason(mail("From: Mail Delivery System <MAILER-DAEMON@mx.test>", "text/plain"), US))
                .get().asString().contains("mailer-daemon@mx.test");
        assertThat(AutomatedMail.reason(mail("From: postmaster@mx.test", "text/plain"), US)).isPresent();
        assertThat(AutomatedMail.reason(mail("From: Shop <Support@Shop.test>", "text/plain"), US)).isPresent();
    }

    @Test
    void aPersonsMailPasses() throws Exception {
        assertThat(AutomatedMail.reason(mail("From: a@customer.test\nAuto-Submitted: no\nPrecedence: normal",
                "text/plain"), US)).isEmpty();
    }

    private static MimeMessage mail(String headers, String contentType) throws Exception {
        String raw = headers + "\nSubject: s\nContent-Type: " + contentType + "\n\nbody\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}

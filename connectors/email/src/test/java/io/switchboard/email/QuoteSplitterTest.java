package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteSplitterTest {

    @Test
    void gmailQuoteHeaderEvenWhenWrapped() {
        var parts = QuoteSplitter.split("""
                Yes, Tuesday works.

                On Mon, 13 Jan 2025 at 09:00, Shop Support <support@shop.test>
                wrote:
                > Would Tuesday suit you?
                > Regards""");
        assertThat(parts.text()).isEqualTo("Yes, Tuesday works.");
        assertThat(parts.quoted()).startsWith("On Mon, 13 Jan 2025").endsWith("> Regards");
        assertThat(parts.signature()).isEmpty();
    }

    @Test
    void gmailOneLineHeaderAndGermanVariant() {
        assertThat(QuoteSplitter.split("Thanks!\n\nOn Tue, Jan 14, 2025 at 10:00 AM Bob <b@x.test> wrote:\n> hi").text())
                .isEqualTo("Thanks!");
        assertThat(QuoteSplitter.split("Danke!\n\nAm 14.01.2025 um 10:00 schrieb Bob <b@x.test>:\n> hallo").quoted())
                .startsWith("Am 14.01.2025");
    }

    @Test
    void outlookHeaderBlockWithoutOriginalMessageLine() {
        var parts = QuoteSplitter.split("""
                Done, thank you.

                ________________________________
                From: Shop Support <support@shop.test>
                Sent: Monday, January 13, 2025 9:00 AM
                To: Anna
                Subject: Printer

                Please restart it.""");
        assertThat(parts.text()).isEqualTo("Done, thank you.");
        assertThat(parts.quoted()).startsWith("______").contains("Please restart it.");

        var bare = QuoteSplitter.split("Done.\n\nFrom: Shop <s@shop.test>\nSent: Monday\nSubject: x\n\nold text");
        assertThat(bare.text()).isEqualTo("Done.");
        assertThat(bare.quoted()).startsWith("From: Shop");
    }

    @Test
    void trailingAngleQuotesAndASignature() {
        var parts = QuoteSplitter.split("""
                Here is the order number: 1234

                --\s
                Carl Customer
                +49 30 1234567

                > What is your order number?
                > """);
        assertThat(parts.text()).isEqualTo("Here is the order number: 1234");
        assertThat(parts.signature()).isEqualTo("-- \nCarl Customer\n+49 30 1234567");
        assertThat(parts.quoted()).isEqualTo("> What is your order number?\n>");
    }

    @Test
    void repliesBetweenQuotedLinesStayWhole() {
        String body = "> Which size?\nLarge.\n> Which colour?\nBlue.";
        var parts = QuoteSplitter.split(body);
        assertThat(parts.text()).isEqualTo(body);
        assertThat(parts.quoted()).isEmpty();
    }

    @Test
    void mobileFooterIsASignature() {
        var parts = QuoteSplitter.split("On my way.\n\nSent from my iPhone");
        assertThat(parts.text()).isEqualTo("On my way.");
        assertThat(parts.signature()).isEqualTo("Sent from my iPhone");
    }

    @Test
    void aMailThatIsOnlyAQuoteKeepsEverythingAsText() {
        String body = "-----Original Message-----\nFrom: a@b.test\nSent: today\n\nforwarded words";
        var parts = QuoteSplitter.split(body);
        assertThat(parts.text()).isEqualTo(body);
        assertThat(parts.quoted()).isEmpty();
    }

    @Test
    void crlfAndEmptyInput() {
        assertThat(QuoteSplitter.split("Hi\r\n\r\n> old").text()).isEqualTo("Hi");
        assertThat(QuoteSplitter.split(null).text()).isEmpty();
    }
}

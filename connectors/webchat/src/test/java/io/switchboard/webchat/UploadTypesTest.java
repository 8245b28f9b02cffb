package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadTypesTest {

    private final UploadTypes types = new UploadTypes(List.of("image/png", "application/pdf", "text/plain",
            "text/csv", "application/msword"));

    @Test
    void theBytesDecideNotTheNameOrTheDeclaredType() {
        assertThat(types.accept(Uploads.PNG, "application/pdf", "x.pdf")).hasValue("image/png");
        assertThat(types.accept(Uploads.HTML, "image/png", "cat.png")).isEmpty();
        assertThat(types.accept(Uploads.SVG, "image/png", "cat.png")).isEmpty();
        assertThat(types.accept("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), null, null))
                .hasValue("application/pdf");
    }

    @Test
    void textMayBeCsvWhenItSaysSo() {
        byte[] csv = "sku,qty\nA1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(types.accept(csv, "text/csv", "order.csv")).hasValue("text/csv");
        assertThat(types.accept(csv, null, "notes.txt")).hasValue("text/plain");
    }

    @Test
    void anOfficeContainerCountsOnlyAsTheOfficeTypeItIs() {
        byte[] ole = HexFormat.of().parseHex("d0cf11e0a1b11ae1" + "00".repeat(504));
        assertThat(types.accept(ole, "application/msword", "letter.doc")).hasValue("application/msword");
        assertThat(types.accept(ole, "application/octet-stream", "letter.doc")).hasValue("application/msword");
        assertThat(types.accept(ole, "image/png", "letter.png")).isEmpty();
        assertThat(types.accept(ole, "application/vnd.ms-excel", "sheet.xls")).isEmpty(); // not allowed here
    }

    @Test
    void typesNotOnTheListAreRefused() {
        UploadTypes imagesOnly = new UploadTypes(List.of("image/png"));
        assertThat(imagesOnly.accept("hello".getBytes(StandardCharsets.UTF_8), "text/plain", "a.txt")).isEmpty();
        assertThat(imagesOnly.accept(new byte[] {0, 1, 2, 3, (byte) 0xff}, null, "a.png")).isEmpty();
    }
}

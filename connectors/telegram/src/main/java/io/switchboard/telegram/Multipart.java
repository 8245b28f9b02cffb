package io.switchboard.telegram;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} body with text fields and one file, streamed from its source with
 * a known length (no chunked encoding, and the attachment is never held in memory).
 */
final class Multipart {

    private final String boundary = "switchboard-" + UUID.randomUUID();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher body(Map<String, String> fields, FilePart file) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + value + "\r\n"));
        write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                + "\"; filename=\"" + quoted(file.fileName()) + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] headBytes = head.toByteArray();
        long length = headBytes.length + file.size() + tail.length;
        BodyPublisher parts = BodyPublishers.concat(BodyPublishers.ofByteArray(headBytes),
                BodyPublishers.ofInputStream(file.content()), BodyPublishers.ofByteArray(tail));
        return BodyPublishers.fromPublisher(parts, length);
    }

    /** A file name inside a quoted header parameter: no quotes, backslashes or line breaks. */
    static String quoted(String name) {
        String safe = name == null ? "" : name.replaceAll("[\"\\\\\\p{Cntrl}]", "_").strip();
        return safe.isEmpty() ? "attachment" : safe;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The file of a multipart body; {@code size} must be its exact length in bytes. */
    record FilePart(String field, String fileName, String contentType, long size, Supplier<InputStream> content) {
    }
}

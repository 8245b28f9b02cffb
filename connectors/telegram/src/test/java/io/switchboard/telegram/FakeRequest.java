package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a Bot API request, read the four ways Telegram accepts them: query string,
 * {@code application/x-www-form-urlencoded}, {@code application/json} and {@code multipart/form-data}.
 */
record FakeRequest(Map<String, String> params, Map<String, FilePart> files) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record FilePart(String fileName, String contentType, byte[] bytes) {
    }

    static FakeRequest parse(String query, String contentType, byte[] body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, FilePart> files = new LinkedHashMap<>();
        form(query, params);
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("application/json")) {
            JsonNode node = JSON.readTree(body);
            node.fields().forEachRemaining(e -> params.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            form(new String(body, StandardCharsets.UTF_8), params);
        } else if (type.startsWith("multipart/form-data")) {
            multipart(body, contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", ""), params, files);
        }
        return new FakeRequest(params, files);
    }

    private static void form(String encoded, Map<String, String> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
    }

    /** RFC 7578: parts separated by CRLF--boundary; each part has headers, a blank line, then its bytes. */
    private static void multipart(byte[] body, String boundary, Map<String, String> params,
                                  Map<String, FilePart> files) throws IOException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int start = indexOf(body, delimiter, 0);
        if (start != 0) {
            throw new IOException("multipart body does not start with its boundary");
        }
        int pos = start + delimiter.length;
        while (!(body[pos] == '-' && body[pos + 1] == '-')) {
            pos += 2; // CRLF after the boundary
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), pos);
            if (headersEnd < 0) {
                throw new IOException("multipart part has no blank line after its headers");
            }
            String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), contentStart);
            if (next < 0) {
                throw new IOException("multipart part is not terminated");
            }
            byte[] content = Arrays.copyOfRange(body, contentStart, next);
            String name = attribute(headers, "name");
            String fileName = attribute(headers, "filename");
            if (fileName != null) {
                files.put(name, new FilePart(fileName, header(headers, "content-type"), content));
            } else {
                params.put(name, new String(content, StandardCharsets.UTF_8));
            }
            pos = next + 2 + delimiter.length;
        }
    }

    private static String attribute(String headers, String attribute) {
        String marker = " " + attribute + "=\"";
        int i = headers.indexOf(marker);
        if (i < 0) {
            marker = ";" + attribute + "=\"";
            i = headers.indexOf(marker);
        }
        return i < 0 ? null : headers.substring(i + marker.length(), headers.indexOf('"', i + marker.length()));
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package io.switchboard.email;

import java.util.regex.Pattern;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** HTML in and out of mail: sanitizing a customer's HTML, plain text from HTML, HTML from plain text. */
final class Html {

    /**
     * Formatting, blocks, tables, inline styles and http/https/mailto links (with rel=nofollow).
     * No scripts, event handlers, forms, frames or images: a remote image would tell the sender when
     * an agent opened the mail, and inline images arrive as attachments anyway.
     */
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS).and(Sanitizers.TABLES).and(Sanitizers.STYLES);
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|pre|table)\\s*>");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");

    private Html() {
    }

    static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String clean = POLICY.sanitize(html).strip();
        return clean.isEmpty() ? null : clean;
    }

    /** Readable text of an HTML body, for mail that has no text/plain alternative. */
    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String marked = LINE_BREAK.matcher(INVISIBLE.matcher(html).replaceAll("")).replaceAll("$0\n");
        String text = Encoding.decodeHtml(TEXT_ONLY.sanitize(marked.replace("\r", "")));
        text = text.replace('\u00a0', ' ').lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        return MANY_BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /** An HTML body for plain text: escaped, line breaks kept. */
    static String fromText(String text) {
        StringBuilder out = new StringBuilder("<div>");
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br>\n");
            }
            out.append(escape(lines[i]));
        }
        return out.append("</div>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

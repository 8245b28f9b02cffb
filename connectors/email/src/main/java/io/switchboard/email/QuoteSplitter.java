package io.switchboard.email;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates what a customer just wrote from the quoted earlier mail and the signature, so agents
 * read the new text first. Recognizes Gmail/Apple ("On … wrote:"), Outlook ("-----Original
 * Message-----", "From: … Sent: …" blocks), "> " quoting and the "-- " signature separator. When
 * in doubt it keeps text: replies written between quoted lines stay whole.
 */
final class QuoteSplitter {

    /** What the customer wrote, the quoted mail, the signature (each "" when absent). */
    record Parts(String text, String quoted, String signature) {
    }

    private static final Pattern WROTE = Pattern.compile(
            "^\\s*(On|Am|Le|El|Il|Op|Den|På)\\s.{4,}(wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev)"
                    // German and others name the writer after the verb: "Am … schrieb Bob <b@x>:"
                    + "(\\s[^:]{0,200}>)?\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_START = Pattern.compile("^\\s*(On|Am|Le|El|Il|Op|Den|På)\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Forwarded by)"
                    + ".*-*\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERLINE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De|Van)\\s*:\\*?\\s+\\S.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|To|An|Subject|Betreff)\\s*:.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE = Pattern.compile("^\\s*(Sent from my |Get Outlook for |Von meinem ).{1,60}$",
            Pattern.CASE_INSENSITIVE);

    private QuoteSplitter() {
    }

    static Parts split(String body) {
        if (body == null || body.isBlank()) {
            return new Parts("", "", "");
        }
        List<String> lines = Arrays.asList(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int quoteStart = quoteStart(lines);
        List<String> own = lines.subList(0, quoteStart);
        String quoted = join(lines.subList(quoteStart, lines.size()));
        int signatureStart = signatureStart(own);
        String text = join(own.subList(0, signatureStart));
        String signature = join(own.subList(signatureStart, own.size()));
        if (text.isEmpty()) {
            // nothing of their own above the quote (e.g. a bare forward): never hand over an empty text
            return new Parts(join(lines), "", "");
        }
        return new Parts(text, quoted, signature);
    }

    /** Index of the first line of the quoted part, or the line count when nothing is quoted. */
    private static int quoteStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isQuoteHeader(lines, i)) {
                return i;
            }
        }
        return trailingQuoteBlock(lines);
    }

    private static boolean isQuoteHeader(List<String> lines, int i) {
        String line = lines.get(i);
        if (WROTE.matcher(line).matches() || ORIGINAL.matcher(line).matches()) {
            return true;
        }
        // Gmail wraps a long "On … wrote:" line in two
        if (i + 1 < lines.size() && WROTE_START.matcher(line).matches()
                && WROTE.matcher(line + " " + lines.get(i + 1).trim()).matches()) {
            return true;
        }
        if (UNDERLINE.matcher(line).matches() && i + 1 < lines.size() && HEADER_FROM.matcher(lines.get(i + 1)).matches()) {
            return true;
        }
        // Outlook: a "From:" line followed closely by "Sent:"/"Date:"/"To:"/"Subject:" lines
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
                if (HEADER_SENT.matcher(lines.get(j)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Start of a block of "> " lines that runs to the end (blank lines allowed), or the line count. */
    private static int trailingQuoteBlock(List<String> lines) {
        int start = lines.size();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.startsWith(">")) {
                start = i;
            } else if (!line.isBlank()) {
                break;
            }
        }
        boolean anyQuote = start < lines.size();
        return anyQuote ? start : lines.size();
    }

    private static int signatureStart(List<String> own) {
        for (int i = own.size() - 1; i >= 0; i--) {
            if (SIGNATURE.matcher(own.get(i)).matches()) {
                return i;
            }
        }
        int last = own.size() - 1;
        while (last >= 0 && own.get(last).isBlank()) {
            last--;
        }
        if (last >= 0 && MOBILE.matcher(own.get(last)).matches()) {
            return last;
        }
        return own.size();
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines).strip();
    }
}

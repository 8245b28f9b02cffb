package io.switchboard.webchat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;

/**
 * Decides what a visitor's file really is from its first bytes (Apache Tika's magic detection), never
 * from its name or declared type alone: an HTML page renamed {@code cat.png} is {@code text/html}.
 * Office files are zip or OLE containers; for those the declared type (or the name) says which office
 * type it is, and it only counts when it matches the container found in the bytes.
 */
final class UploadTypes {

    /** How many leading bytes the detection reads. */
    static final int HEAD_BYTES = 64 * 1024;

    private static final String OOXML_CONTAINER = "application/x-tika-ooxml";
    private static final String OLE_CONTAINER = "application/x-tika-msoffice";
    private static final String OOXML_PREFIX = "application/vnd.openxmlformats-officedocument.";
    private static final Set<String> OLE_TYPES = Set.of("application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint");
    private static final String TEXT = "text/plain";
    private static final Set<String> TEXT_SUBTYPES = Set.of("text/csv");

    private final Tika tika = new Tika();
    private final Set<String> allowed;

    UploadTypes(List<String> allowed) {
        this.allowed = allowed.stream().map(UploadTypes::bare).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The content type to store the file under, or empty when its bytes are of a type not allowed.
     *
     * @param head         the file's first bytes (up to {@link #HEAD_BYTES})
     * @param declaredType what the browser said, may be null
     * @param name         the file name, may be null
     */
    Optional<String> accept(byte[] head, String declaredType, String name) {
        String detected = bare(tika.detect(head));
        String claimed = claimed(declaredType, name);
        if (detected.equals(OOXML_CONTAINER)) {
            return allowedIf(claimed.startsWith(OOXML_PREFIX), claimed);
        }
        if (detected.equals(OLE_CONTAINER)) {
            return allowedIf(OLE_TYPES.contains(claimed), claimed);
        }
        if (detected.equals(TEXT) && TEXT_SUBTYPES.contains(claimed) && allowed.contains(claimed)) {
            return Optional.of(claimed);
        }
        return allowedIf(true, detected);
    }

    /** What the bytes of a refused file look like, for the error message. */
    String detect(byte[] head) {
        return bare(tika.detect(head));
    }

    private Optional<String> allowedIf(boolean condition, String type) {
        return condition && allowed.contains(type) ? Optional.of(type) : Optional.empty();
    }

    private String claimed(String declaredType, String name) {
        String declared = declaredType == null ? "" : bare(declaredType);
        if (!declared.isEmpty() && !declared.equals("application/octet-stream")) {
            return declared;
        }
        return name == null || name.isBlank() ? "" : bare(tika.detect(name));
    }

    private static String bare(String type) {
        return type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}

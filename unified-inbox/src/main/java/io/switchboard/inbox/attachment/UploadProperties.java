package io.switchboard.inbox.attachment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Files agents attach to replies ({@code hub.inbox.uploads.*}). See docs/configuration.md.
 *
 * @param maxSize      largest file an agent may upload (the web server's multipart limit is raised to
 *                     it, see {@link io.switchboard.core.attachments.MultipartLimits}); a channel may accept less
 * @param allowedTypes media types an upload may have, as detected from its content (never the
 *                     browser's claim); HTML, SVG and scripts are never allowed
 */
@ConfigurationProperties("hub.inbox.uploads")
public record UploadProperties(@DefaultValue("10MB") DataSize maxSize,
                        @DefaultValue({"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf",
                                "text/plain", "text/csv", "application/zip",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                "application/msword", "application/vnd.ms-excel"}) List<String> allowedTypes) {

    /** Types a browser could run as a page: refused even when an admin lists them. */
    static final Set<String> NEVER = Set.of("text/html", "application/xhtml+xml", "image/svg+xml", "text/xml",
            "application/xml", "text/javascript", "application/javascript");

    public UploadProperties {
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.inbox.uploads.max-size must be positive, e.g. 10MB");
        }
        List<String> never = allowedTypes.stream().map(t -> t.trim().toLowerCase()).filter(NEVER::contains).toList();
        if (!never.isEmpty()) {
            throw new IllegalArgumentException("hub.inbox.uploads.allowed-types must not list " + never
                    + ": a browser could run such a file as a page");
        }
    }

    Set<String> allowed() {
        return allowedTypes.stream().map(t -> t.trim().toLowerCase()).collect(Collectors.toUnmodifiableSet());
    }
}

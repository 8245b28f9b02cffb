package io.switchboard.core.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Attachment storage ({@code hub.attachments.*}).
 *
 * @param dir      directory of stored attachments; default {@code <hub.data-dir>/attachments}
 * @param maxSize  largest attachment accepted from any channel (a connector may set a lower limit)
 */
@Validated
@ConfigurationProperties("hub.attachments")
public record AttachmentProperties(String dir,
                                   @DefaultValue("25MB") DataSize maxSize) {
}

package io.switchboard.inbox.attachment;

/** An attachment as the API shows it; {@code url} downloads it (agents only). */
public record AttachmentView(long id, String name, String contentType, long size, String url) {
}

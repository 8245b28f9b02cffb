package io.switchboard.core.model;

/** An attachment travels by reference: its bytes live in attachment storage, never on the bus. */
public record AttachmentRef(String name, String contentType, long size, String storageKey) {
}

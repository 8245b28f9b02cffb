package io.switchboard.core.model;

/** Events for agents and CRM systems; {@link #wireName()} is the name used in JSON and webhooks. */
public enum EventType {
    CONVERSATION_CREATED("conversation.created"),
    CONVERSATION_STATUS_CHANGED("conversation.status_changed"),
    CONVERSATION_ASSIGNED("conversation.assigned"),
    /** Labels or priority changed. */
    CONVERSATION_UPDATED("conversation.updated"),
    /** An agent's private note (never sent to the customer). */
    NOTE_CREATED("conversation.note_created"),
    MESSAGE_CREATED("message.created"),
    MESSAGE_STATUS_CHANGED("message.status_changed"),
    CONTACT_CREATED("contact.created"),
    CONTACT_UPDATED("contact.updated"),
    CONTACT_MERGED("contact.merged"),
    /** A merge undone: the identities and conversations that came with it went back. */
    CONTACT_SPLIT("contact.split"),
    TYPING_ON("typing.on"),
    TYPING_OFF("typing.off"),
    CSAT_SUBMITTED("csat.submitted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

package io.switchboard.inbox.contact;

/** One of a contact's channel identities, as the API shows it. */
public record IdentityView(String channel, String account, String address) {
}

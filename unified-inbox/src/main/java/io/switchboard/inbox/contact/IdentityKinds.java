package io.switchboard.inbox.contact;

/**
 * Identities that are not a channel address: keys the hub merges on. They sit in
 * {@code contact_identity} next to the channel identities, with these names as {@code channel}.
 */
public final class IdentityKinds {

    /** The id of the customer in the business's own user system (a signed widget {@code setUser}); account = widget site. */
    public static final String EXTERNAL_ID = "EXTERNAL_ID";
    /** An e-mail address proven by a signed widget {@code setUser} (account = widget site); not a mailbox to send from. */
    public static final String VERIFIED_EMAIL = "VERIFIED_EMAIL";

    private IdentityKinds() {
    }
}

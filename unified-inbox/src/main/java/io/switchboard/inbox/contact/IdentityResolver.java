package io.switchboard.inbox.contact;

import io.switchboard.core.model.ChannelAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which contact a customer message belongs to. Merges happen only on verified keys: the same
 * channel identity, the same E.164 phone on SMS/WhatsApp or e-mail address on any mailbox
 * ({@link ContactRepository#findBySharedKey}), and a widget identity the site signed (external id,
 * e-mail). Unverified hints never merge; they become {@linkplain MergeSuggestions suggestions}.
 * Call inside the inbound transaction.
 */
@Component
public class IdentityResolver {

    private final ContactRepository contacts;
    private final IdentityKeys keys;
    private final MergeSuggestions suggestions;

    IdentityResolver(ContactRepository contacts, IdentityKeys keys, MergeSuggestions suggestions) {
        this.contacts = contacts;
        this.keys = keys;
        this.suggestions = suggestions;
    }

    /**
     * The contact, and whether it was created for this message.
     *
     * @param locked the contact's row is already locked by this transaction (or was created in it:
     *               nobody else can see it before the commit), so {@link ContactRepository#lock} is not needed
     * @param named  the contact has a stored name, so {@link ContactRepository#nameIfUnnamed} would change nothing
     */
    public record Resolved(long contactId, boolean created, boolean locked, boolean named) {

        Resolved(long contactId, boolean created) {
            this(contactId, created, created, false);
        }
    }

    /**
     * The contact a customer message belongs to, created for a new customer.
     *
     * @param afterLock a query about a known customer's contact that may travel with its lock (see
     *                  {@link ContactRepository#lockByIdentity(ChannelAddress, ContactRepository.AfterLock)}); it is
     *                  not run for a new customer, one that a widget's signed claims identify, or on H2
     */
    public Resolved resolve(ChannelAddress customer, String displayName, Map<String, String> context, Instant now,
                            ContactRepository.AfterLock afterLock) {
        VisitorClaims claims = VisitorClaims.of(customer, context);
        Resolved resolved;
        if (claims.verified()) {
            resolved = verified(customer, displayName, claims, contacts.findByIdentity(customer), now);
        } else {
            // the common case, a known customer: found and locked in one statement
            resolved = contacts.lockByIdentity(customer, afterLock)
                    .map(known -> new Resolved(known.id(), false, true, known.displayName() != null))
                    .orElseGet(() -> unverified(customer, displayName, now));
        }
        suggestions.offer(resolved.contactId(), claims, now);
        return resolved;
    }

    /** Unverified hints that arrived without a message (a widget identify): suggestions only, never a merge. */
    public void hints(long contactId, ChannelAddress customer, Map<String, String> context, Instant now) {
        suggestions.offer(contactId, VisitorClaims.of(customer, context), now);
    }

    /** A customer whose channel identity is not known yet. */
    private Resolved unverified(ChannelAddress customer, String displayName, Instant now) {
        Optional<Long> known = contacts.findBySharedKey(customer);
        known.ifPresent(id -> contacts.addIdentity(id, customer, now));
        return known.map(id -> new Resolved(id, false))
                .orElseGet(() -> new Resolved(contacts.create(displayName, customer, now), true));
    }

    private Resolved verified(ChannelAddress customer, String displayName, VisitorClaims claims,
                              Optional<Long> known, Instant now) {
        Optional<Long> owner = claims.identifierVerified()
                ? keys.owner(IdentityKinds.EXTERNAL_ID, claims.site(), claims.identifier()) : Optional.empty();
        if (owner.isEmpty() && claims.emailVerified()) {
            owner = keys.ownerOfEmail(claims.email());
        }
        Resolved resolved;
        if (owner.isPresent()) {
            resolved = new Resolved(owner.get(), false);
            attach(customer, known, owner.get(), now);
        } else if (known.isPresent() && !someoneElse(known.get(), claims)) {
            resolved = new Resolved(known.get(), false);
        } else {
            // a new customer; a browser that was signed in as another customer hands its visitor id over
            long id = keys.createContact(displayName, now);
            attach(customer, known, id, now);
            resolved = new Resolved(id, true);
        }
        long id = resolved.contactId();
        if (claims.identifierVerified()) {
            keys.ensure(id, IdentityKinds.EXTERNAL_ID, claims.site(), claims.identifier(), now);
        }
        if (claims.emailVerified() && keys.ownerOfEmail(claims.email()).isEmpty()) {
            keys.ensure(id, IdentityKinds.VERIFIED_EMAIL, claims.site(), claims.email(), now);
        }
        return resolved;
    }

    private boolean someoneElse(long knownContact, VisitorClaims claims) {
        return claims.identifierVerified()
                && keys.holdsOtherExternalId(knownContact, claims.site(), claims.identifier());
    }

    private void attach(ChannelAddress customer, Optional<Long> known, long contactId, Instant now) {
        if (known.isEmpty()) {
            contacts.addIdentity(contactId, customer, now);
        } else if (known.get() != contactId) {
            keys.move(customer, contactId);
        }
    }
}

package io.switchboard.inbox.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in agent or admin. Replies are signed with {@link #displayName()}. */
public final class HubUser extends User {

    private final String displayName;
    private final String role;

    HubUser(String username, String passwordHash, String displayName, String role) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        this.displayName = displayName;
        this.role = role;
    }

    public String displayName() {
        return displayName;
    }

    /** ADMIN or AGENT. */
    public String role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

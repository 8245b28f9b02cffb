package io.switchboard.inbox.security;

import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Agents and admins ({@code app_user}); also the login's user lookup. */
@Repository
class UserRepository implements UserDetailsService {

    static final String ADMIN = "ADMIN";
    static final String AGENT = "AGENT";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HubUser> find(String username) {
        return jdbc.sql("SELECT username, password_hash, display_name, role FROM app_user WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> new HubUser(rs.getString("username"), rs.getString("password_hash"),
                        rs.getString("display_name"), rs.getString("role")))
                .optional();
    }

    @Override
    public HubUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }

    void create(String username, String passwordHash, String displayName, String role) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, created_at)"
                        + " VALUES (:username, :hash, :name, :role, :now)")
                .param("username", username)
                .param("hash", passwordHash)
                .param("name", displayName)
                .param("role", role)
                .param("now", ts(Instant.now()))
                .update();
    }

    void changePassword(String username, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :username")
                .param("hash", passwordHash).param("username", username).update();
    }
}

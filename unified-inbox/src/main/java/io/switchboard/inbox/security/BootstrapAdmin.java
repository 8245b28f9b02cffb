package io.switchboard.inbox.security;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin can log in on a fresh install. Runs once the database is migrated and before
 * the web server takes requests. An existing user is never changed, so a configured password that
 * differs from the stored one is ignored (change it with {@code POST /api/me/password}).
 *
 * <p>Hashing the password (bcrypt) takes a second or more of CPU early in a JVM's life, so on a fresh install
 * it runs on its own thread from the moment this bean exists (the database is migrated by then) while the
 * rest of the application context is built; the user is stored once every singleton exists, as before.
 */
@Component
class BootstrapAdmin implements InitializingBean, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SecurityProperties.BootstrapAdmin admin;
    private String password;
    private CompletableFuture<String> hash;

    BootstrapAdmin(UserRepository users, PasswordEncoder encoder, SecurityProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.admin = properties.bootstrapAdmin();
    }

    @Override
    public void afterPropertiesSet() {
        if (users.find(admin.username()).isPresent()) {
            if (admin.hasPassword()) {
                log.info("Admin user '{}' already exists; hub.security.bootstrap-admin.password is only used when the"
                        + " user is first created", admin.username());
            }
            return;
        }
        String chosen = admin.hasPassword() ? admin.password() : generate();
        password = chosen;
        hash = new CompletableFuture<>();
        Thread hashing = new Thread(() -> {
            try {
                hash.complete(encoder.encode(chosen));
            } catch (RuntimeException | Error e) {
                hash.completeExceptionally(e);
            }
        }, "bootstrap-admin-hash");
        hashing.setDaemon(true);
        hashing.start();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (hash == null) {
            return;
        }
        String generated = password;
        String encoded = hash.join();
        password = null;
        hash = null;
        try {
            users.create(admin.username(), encoded, admin.displayName(), UserRepository.ADMIN);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return;
        }
        if (admin.hasPassword()) {
            log.info("Created admin user '{}' with the configured password", admin.username());
        } else {
            announce(generated);
        }
    }

    private void announce(String password) {
        log.warn("""

                ****************************************************************************
                  Switchboard created the admin user '{}' with this generated password:

                      {}

                  It is shown only this once. Change it now with POST /api/me/password
                  (see docs/api.md), or set hub.security.bootstrap-admin.password
                  before the first start of a fresh installation.
                ****************************************************************************""",
                admin.username(), password);
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

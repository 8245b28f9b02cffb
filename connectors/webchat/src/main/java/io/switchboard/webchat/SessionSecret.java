package io.switchboard.webchat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the HMAC key for visitor tokens: the configured {@code session-secret}, or else a random
 * 32-byte key kept in {@code <data-dir>/webchat-session.key} so visitors' tokens survive a restart.
 * The key itself is never logged.
 */
final class SessionSecret {

    static final String KEY_FILE = "webchat-session.key";

    private static final Logger log = LoggerFactory.getLogger(SessionSecret.class);
    private static final int KEY_BYTES = 32;

    private SessionSecret() {
    }

    static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < KEY_BYTES) {
                log.warn("hub.channels.webchat.session-secret is shorter than {} characters; use a longer random value",
                        KEY_BYTES);
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            return Files.exists(file) ? read(file) : generate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the web-chat session key " + file.toAbsolutePath()
                    + "; make hub.data-dir writable or set hub.channels.webchat.session-secret", e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length < KEY_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The web-chat session key " + file.toAbsolutePath()
                    + " is damaged; delete it (visitors then start new conversations) or set "
                    + "hub.channels.webchat.session-secret");
        }
    }

    private static byte[] generate(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), KEY_FILE, ".tmp");
        restrictToOwner(temp);
        Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.info("Generated a web-chat session key in {} (hub.channels.webchat.session-secret is not set)",
                file.toAbsolutePath());
        return key;
    }

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Could not restrict permissions of {}: {}", path, e.getMessage());
        }
    }
}

package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredSecretIsUsedAndNothingIsWritten() {
        byte[] key = SessionSecret.resolve("configured-secret-configured-secret", dataDir);

        assertThat(key).isEqualTo("configured-secret-configured-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(dataDir.resolve(SessionSecret.KEY_FILE)).doesNotExist();
    }

    @Test
    void aBlankSecretGeneratesAKeyThatSurvivesARestart() {
        byte[] first = SessionSecret.resolve("  ", dataDir.resolve("nested"));
        byte[] second = SessionSecret.resolve(null, dataDir.resolve("nested"));

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(dataDir.resolve("nested").resolve(SessionSecret.KEY_FILE)).exists();
        assertThat(new VisitorTokens(second).isValid("v", new VisitorTokens(first).sign("v"))).isTrue();
    }

    @Test
    void aDamagedKeyFileStopsStartWithAMessageNamingTheFix() throws Exception {
        Files.writeString(dataDir.resolve(SessionSecret.KEY_FILE), "not base64 !!");

        assertThatThrownBy(() -> SessionSecret.resolve(null, dataDir))
                .hasMessageContaining("hub.channels.webchat.session-secret");
    }
}

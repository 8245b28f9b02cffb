package io.switchboard.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class UpdateReaderTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theDisplayNameIsFirstLastAndUsername() throws Exception {
        assertThat(name("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"username\":\"ada\"}"))
                .isEqualTo("Ada Lovelace (@ada)");
        assertThat(name("{\"first_name\":\"Ada\",\"username\":\"ada\"}")).isEqualTo("Ada (@ada)");
        assertThat(name("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}")).isEqualTo("Ada Lovelace");
        assertThat(name("{\"username\":\"ada\"}")).isEqualTo("@ada");
        assertThat(name("{}")).isNull();
    }

    @Test
    void contentWithoutTextOrFileBecomesALine() throws Exception {
        TelegramUpdate update = UpdateReader.read(json.readTree("{\"update_id\":5,\"message\":{\"message_id\":9,"
                + "\"date\":1441645532,\"chat\":{\"id\":42,\"type\":\"private\"},\"from\":{\"first_name\":\"Ada\"},"
                + "\"location\":{\"latitude\":51.5,\"longitude\":-0.12}}}"));

        assertThat(update.message().other()).isEqualTo("[Location 51.5, -0.12]");
        assertThat(update.message().media()).isEmpty();
    }

    @Test
    void refusesWhatIsNoUpdate() {
        assertThatThrownBy(() -> UpdateReader.read(json.readTree("[1,2]")))
                .isInstanceOf(MalformedUpdateException.class).hasMessage("the body is not a JSON object");
        assertThatThrownBy(() -> UpdateReader.read(json.readTree("{\"update_id\":1,\"message\":{\"text\":\"x\"}}")))
                .isInstanceOf(MalformedUpdateException.class).hasMessage("the message lacks chat.id or message_id");
    }

    @Test
    void sizesAreShownInReadableUnits() {
        assertThat(MediaFetcher.humanSize(32505856)).isEqualTo("31 MB");
        assertThat(MediaFetcher.humanSize(1572864)).isEqualTo("1.5 MB");
        assertThat(MediaFetcher.humanSize(819200)).isEqualTo("800 KB");
        assertThat(MediaFetcher.humanSize(12)).isEqualTo("12 bytes");
    }

    private String name(String user) throws Exception {
        return UpdateReader.displayName(json.readTree(user));
    }
}

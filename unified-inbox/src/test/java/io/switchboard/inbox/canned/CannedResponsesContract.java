package io.switchboard.inbox.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.inbox.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Canned responses on a real database (a subclass per database): visibility, ownership, validation. */
abstract class CannedResponsesContract {

    CannedResponses canned;

    abstract DataSource dataSource();

    String schema() {
        return null;
    }

    @BeforeEach
    void migrate() {
        var config = Flyway.configure().dataSource(dataSource()).cleanDisabled(false);
        if (schema() != null) {
            config.schemas(schema()).defaultSchema(schema());
        }
        Flyway flyway = config.load();
        flyway.clean();
        flyway.migrate();
        canned = new CannedResponses(new CannedResponseRepository(JdbcClient.create(dataSource())),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void personalOnesStayWithTheirOwnerSharedOnesReachEveryone() {
        canned.create("ada", new CannedResponses.Draft("/Hello", "Hi {{contact.name}}, {{agent.name}} here", false));
        canned.create("ada", new CannedResponses.Draft("refund", "Refunds take 5 days.", true));
        canned.create("bob", new CannedResponses.Draft("hello", "Bob's hello", false));

        assertThat(canned.visibleTo("ada")).extracting(CannedResponse::shortcut, CannedResponse::owner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hello", "ada"),
                        org.assertj.core.groups.Tuple.tuple("refund", "ada"));
        assertThat(canned.visibleTo("bob")).extracting(CannedResponse::text)
                .containsExactly("Bob's hello", "Refunds take 5 days.");
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesOne() {
        CannedResponse shared = canned.create("ada", new CannedResponses.Draft("refund", "Refunds take 5 days.", true));
        CannedResponse personal = canned.create("ada", new CannedResponses.Draft("mine", "Mine", false));

        assertThatThrownBy(() -> canned.update("bob", false, shared.id(), new CannedResponses.Draft("refund", "x", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> canned.delete("bob", false, personal.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));

        CannedResponse edited = canned.update("ada", false, shared.id(), new CannedResponses.Draft("refunds", "3 days now", null));
        assertThat(edited.shortcut()).isEqualTo("refunds");
        assertThat(edited.shared()).isTrue();
        canned.delete("root", true, shared.id());
        assertThat(canned.visibleTo("bob")).isEmpty();
    }

    @Test
    void badInputIsRefusedClearly() {
        canned.create("ada", new CannedResponses.Draft("hello", "Hi", false));
        assertThatThrownBy(() -> canned.create("ada", new CannedResponses.Draft("hello", "Again", false)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> canned.create("ada", new CannedResponses.Draft("two words", "x", false)))
                .hasMessageContaining("shortcut must be");
        assertThatThrownBy(() -> canned.create("ada", new CannedResponses.Draft("ok", " ", false)))
                .hasMessageContaining("text is required");
        assertThatThrownBy(() -> canned.create("ada", null)).hasMessageContaining("shortcut must be");
    }
}

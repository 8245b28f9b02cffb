package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.InboundMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How much database work one customer message costs: the inbox consumer spends most of its CPU in
 * these statements, so a change that adds one shows here (each count lists the SQL when it is off).
 * Events go to a list in these tests: the hub adds one outbox INSERT per event (one for a steady-state message).
 */
abstract class InboundStatementsContract extends ConsoleContract {

    static final int STEADY_STATE = 11;
    static final int STEADY_STATE_UNNAMED = 10;
    static final int NEW_CONVERSATION = 18;
    static final int NEW_CONTACT = 21;

    @Test
    void aMessageOfAKnownContactToItsOpenConversationTakesFewStatements() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of("page", "/cart")));

        assertThat(statementsFor(message(ALICE, "p2", "Anyone there?", Map.of("page", "/help"))))
                .as("statements of a steady-state message").hasSize(STEADY_STATE);
        assertThat(statements.commits()).isEqualTo(1);
    }

    @Test
    void aMessageOfAKnownUnnamedSmsContactTakesFewStatements() {
        inbound.onInbound(message(BOB, "s1", "Hello", Map.of()));

        assertThat(statementsFor(message(BOB, "s2", "Still there?", Map.of())))
                .as("statements of a steady-state SMS").hasSize(STEADY_STATE_UNNAMED);
    }

    @Test
    void aNewConversationOfAKnownContact() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        conversations.changeStatus(conversations.list(null, 10).get(0).id(), "RESOLVED");
        clock.advance(lifecycle.reopenWithin().plusMinutes(1));

        assertThat(statementsFor(message(ALICE, "p2", "A new question", Map.of())))
                .as("statements of a known contact's new conversation").hasSize(NEW_CONVERSATION);
    }

    @Test
    void aNewContact() {
        assertThat(statementsFor(message(ALICE, "p1", "Hello", Map.of())))
                .as("statements of a new contact's first message").hasSize(NEW_CONTACT);
    }

    @Test
    void aRedeliveredMessageTakesOneStatement() {
        InboundMessage first = message(ALICE, "p1", "Hello", Map.of());
        inbound.onInbound(first);

        assertThat(statementsFor(first)).hasSize(1);
    }

    private List<String> statementsFor(InboundMessage message) {
        statements.reset();
        inbound.onInbound(message);
        List<String> sql = statements.statements();
        System.out.println(getClass().getSimpleName() + ": " + sql.size() + " statements");
        return sql;
    }
}

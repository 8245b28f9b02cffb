package io.switchboard.core.routing;

import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.spi.DeadLetterAdmin;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jms.core.JmsTemplate;

/** Browses and replays the dead-letter queue with plain JMS. */
class JmsDeadLetterAdmin implements DeadLetterAdmin {

    private final JmsTemplate jms;
    private final String deadLetterQueue;

    JmsDeadLetterAdmin(JmsTemplate jms, String deadLetterQueue) {
        this.jms = new JmsTemplate(jms.getConnectionFactory());
        this.jms.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> found = jms.browse(deadLetterQueue, (session, browser) -> {
            List<DeadLetter> letters = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < limit) {
                letters.add(describe((Message) messages.nextElement()));
            }
            return letters;
        });
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    @Override
    public Optional<DeadLetter> replay(String id) {
        if (id == null || !id.matches("[A-Za-z0-9:\\-]+")) {
            return Optional.empty();
        }
        Message parked = jms.receiveSelected(deadLetterQueue, "JMSMessageID = '" + id + "'");
        if (parked == null) {
            return Optional.empty();
        }
        DeadLetter letter = describe(parked);
        jms.send(letter.originalQueue(), session -> {
            TextMessage copy = session.createTextMessage(letter.body());
            copyProperties(parked, copy);
            return copy;
        });
        return Optional.of(letter);
    }

    /**
     * The bus properties of a message, without the broker's own ({@code _AMQ*}, {@code JMSX*} except the
     * group) — so the duplicate cache does not drop a copy — and without an earlier failure's headers.
     * Used both to replay a parked message and to park one.
     */
    static void copyProperties(Message from, Message to) throws JMSException {
        var names = from.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (name.startsWith("hubOriginal") || name.startsWith("hubFail") || name.startsWith("_AMQ")
                    || name.startsWith("JMSX") && !name.equals(BusHeaders.GROUP_ID)) {
                continue;
            }
            to.setObjectProperty(name, from.getObjectProperty(name));
        }
    }

    private static DeadLetter describe(Message message) {
        try {
            String at = message.getStringProperty(BusHeaders.DEAD_LETTER_AT);
            String body = message instanceof TextMessage text ? text.getText() : null;
            return new DeadLetter(message.getJMSMessageID(), message.getStringProperty(BusHeaders.DEAD_LETTER_QUEUE),
                    message.getStringProperty(BusHeaders.DEAD_LETTER_REASON),
                    at == null ? null : Instant.parse(at), body);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a dead-lettered message: " + e.getMessage(), e);
        }
    }
}

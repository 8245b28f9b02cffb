package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.RealtimeBus;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;

/**
 * Sends an event durably to {@code hub.events} and, for connected agents, to {@code hub.realtime}.
 * {@link #publishDurably} sends a batch to {@code hub.events} in one transacted JMS session: one
 * journal sync for the batch.
 */
class CamelEventPublisher implements EventPublisher {

    static final String AGENTS = "agents";

    private static final Logger log = LoggerFactory.getLogger(CamelEventPublisher.class);

    private final ProducerTemplate producer;
    private final Endpoints endpoints;
    private final BusCodec codec;
    private final RealtimeBus realtime;
    private final JmsTemplate transacted;

    CamelEventPublisher(ProducerTemplate producer, Endpoints endpoints, BusCodec codec, RealtimeBus realtime,
                        ConnectionFactory connections) {
        this.producer = producer;
        this.endpoints = endpoints;
        this.codec = codec;
        this.realtime = realtime;
        this.transacted = new JmsTemplate(connections);
        this.transacted.setSessionTransacted(true);
    }

    @Override
    public void publish(HubEvent event) {
        String json = codec.writeEvent(event);
        sendDurably(event, json);
        realtime.publish(AGENTS, null, json);
    }

    private void sendDurably(HubEvent event, String json) {
        producer.sendBodyAndHeaders(endpoints.publishEvents(), json, Map.of(
                BusHeaders.EVENT_TYPE, event.type().wireName(),
                BusHeaders.DUPLICATE_ID, duplicateId(event)));
    }

    /**
     * All events in one local JMS transaction, committed once. Artemis refuses a whole transaction that holds a message it has already seen (same duplicate id), so
     * when the commit fails the batch is sent again one event at a time: the broker drops each
     * duplicate alone and takes the rest, in order.
     */
    @Override
    public void publishDurably(List<HubEvent> events) {
        if (events.size() <= 1) {
            events.forEach(event -> sendDurably(event, codec.writeEvent(event)));
            return;
        }
        List<String> frames = events.stream().map(codec::writeEvent).toList();
        try {
            transacted.execute(session -> {
                sendInOneTransaction(session, events, frames);
                return null;
            }, false);
        } catch (JmsException e) {
            log.debug("Batch of {} events not committed ({}), sending them one at a time", events.size(), e.getMessage());
            events.forEach(event -> sendDurably(event, codec.writeEvent(event)));
        }
    }

    private void sendInOneTransaction(Session session, List<HubEvent> events, List<String> frames) throws JMSException {
        MessageProducer durable = session.createProducer(session.createTopic(endpoints.bus().events()));
        try {
            for (int i = 0; i < events.size(); i++) {
                TextMessage message = session.createTextMessage(frames.get(i));
                message.setStringProperty(BusHeaders.EVENT_TYPE, events.get(i).type().wireName());
                message.setStringProperty(BusHeaders.DUPLICATE_ID, duplicateId(events.get(i)));
                durable.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            }
            session.commit();
        } finally {
            // closing a transacted session that was not committed rolls it back
            durable.close();
        }
    }

    private static String duplicateId(HubEvent event) {
        return "EVT:" + event.id();
    }
}

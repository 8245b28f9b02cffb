package io.switchboard.inbox.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.switchboard.core.bus.BusCodec;
import io.switchboard.inbox.support.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook deliveries on a real database (a subclass per database): fan-out, claiming by several
 * pollers at once, the attempt log, backoff, 410 Gone and replay. Sends to a loopback receiver.
 */
abstract class WebhookPersistenceContract {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    JdbcClient jdbc;
    TransactionTemplate tx;
    EndpointRepository endpoints;
    DeliveryRepository deliveries;
    LoopbackReceiver receiver;
    WebhookFanout fanout;
    final BusCodec codec = new BusCodec();

    abstract DataSource dataSource();

    abstract boolean skipLocked();

    /** A schema of the test's own, so parallel builds on one database never clean each other's tables. */
    String schema() {
        return null;
    }

    @BeforeEach
    void cleanSchema() throws Exception {
        DataSource ds = dataSource();
        var config = Flyway.configure().dataSource(ds).cleanDisabled(false);
        if (schema() != null) {
            config.schemas(schema()).defaultSchema(schema());
        }
        Flyway flyway = config.load();
        flyway.clean();
        flyway.migrate();
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        endpoints = new EndpointRepository(jdbc);
        deliveries = new DeliveryRepository(jdbc);
        receiver = new LoopbackReceiver();
        fanout = new WebhookFanout(endpoints, deliveries, codec, tx, new Poller("idle", Duration.ofHours(1), () -> { }));
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    WebhookDispatcher dispatcher(List<Duration> schedule) {
        CrmProperties.Delivery settings = new CrmProperties.Delivery(schedule, 0, Duration.ofMinutes(1),
                Duration.ofMillis(100), Duration.ofMinutes(1), 5, Duration.ofSeconds(5), Duration.ofSeconds(15));
        WebhookHttp http = new WebhookHttp(new HostGuard(List.of("127.0.0.1/32")), settings.connectTimeout(),
                settings.timeout());
        return new WebhookDispatcher(claims(), deliveries, endpoints, http, new RetrySchedule(settings), tx, settings);
    }

    DeliveryClaims claims() {
        return new DeliveryClaims(jdbc, tx, skipLocked());
    }

    long endpoint(String name, Set<String> types) {
        return endpoints.insert(name, Endpoint.API, receiver.url(), List.of(SECRET), types, true);
    }

    String event(String type) {
        return event(UUID.randomUUID().toString(), type, Instant.now());
    }

    String event(String id, String type, Instant at) {
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("timestamp", at.toString());
        envelope.put("data", Map.of("conversation", Map.of("id", 7)));
        return codec.write(envelope);
    }

    @Test
    void anEventBecomesOneDeliveryPerInterestedEndpointAndARedeliveryAddsNothing() {
        long all = endpoint("all", Set.of());
        long messages = endpoint("messages", Set.of("message.created"));
        String created = event("conversation.created");
        fanout.onEvent(created);
        fanout.onEvent(created);
        assertThat(deliveries.list(null, null, 10)).extracting(Delivery::endpointId).containsExactly(all);
        fanout.onEvent(event("message.created"));
        assertThat(deliveries.list(messages, null, 10)).hasSize(1);
        assertThat(deliveries.list(null, Delivery.PENDING, 10)).hasSize(3);
    }

    @Test
    void concurrentPollersNeverClaimTheSameDelivery() throws Exception {
        endpoint("crm", Set.of());
        for (int i = 0; i < 40; i++) {
            fanout.onEvent(event("message.created"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> all = new ArrayList<>();
        Instant now = Instant.now();
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<List<Long>> claimer = () -> {
                    List<Long> mine = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        mine.addAll(claims().claim(now, now.plusSeconds(60), 3));
                    }
                    return mine;
                };
                results.add(pool.submit(claimer));
            }
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        all.addAll(claims().claim(now, now.plusSeconds(60), 50));
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
        assertThat(all).hasSize(40);
        // leased: nothing more to claim until the leases end
        assertThat(claims().claim(Instant.now(), Instant.now().plusSeconds(60), 50)).isEmpty();
        assertThat(claims().claim(Instant.now().plusSeconds(61), Instant.now().plusSeconds(120), 50)).hasSize(40);
    }

    @Test
    void failuresAreRetriedWithTheSameIdAndVerifiableSignaturesThenDelivered() throws Exception {
        endpoint("crm", Set.of());
        String id = UUID.randomUUID().toString();
        fanout.onEvent(event(id, "message.created", Instant.now()));
        receiver.answer(500, 503);
        WebhookDispatcher dispatcher = dispatcher(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO));
        dispatcher.run();
        dispatcher.run();
        dispatcher.run();
        Delivery delivery = deliveries.list(null, null, 1).get(0);
        assertThat(delivery.status()).isEqualTo(Delivery.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(deliveries.attempts(delivery.id())).extracting(DeliveryRepository.Attempt::statusCode)
                .containsExactly(500, 503, 200);
        assertThat(receiver.requests).hasSize(3);
        for (LoopbackReceiver.Request request : receiver.requests) {
            assertThat(request.header("webhook-id")).isEqualTo(id);
            new Webhook(SECRET).verify(request.body(), request.headers());
        }
        assertThat(receiver.requests.get(0).body()).startsWith("{\"type\":\"message.created\",\"timestamp\":");
    }

    @Test
    void afterTheLastAttemptTheDeliveryFailsAndBackoffPutsTheNextAttemptLater() {
        endpoint("crm", Set.of());
        fanout.onEvent(event("message.created"));
        receiver.answer(500, 500);
        WebhookDispatcher dispatcher = dispatcher(List.of(Duration.ZERO, Duration.ofHours(1)));
        dispatcher.run();
        Delivery waiting = deliveries.list(null, null, 1).get(0);
        assertThat(waiting.status()).isEqualTo(Delivery.PENDING);
        assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        dispatcher.run();
        assertThat(receiver.requests).hasSize(1);

        deliveries.retryNow(waiting.id(), Instant.now());
        dispatcher.run();
        Delivery failed = deliveries.find(waiting.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(Delivery.FAILED);
        assertThat(failed.lastStatusCode()).isEqualTo(500);
        assertThat(failed.lastError()).isEqualTo("HTTP 500");
    }

    @Test
    void goneDisablesTheEndpointAndReplayResendsWithTheOriginalIds() {
        long id = endpoint("crm", Set.of());
        String eventId = UUID.randomUUID().toString();
        fanout.onEvent(event(eventId, "contact.created", Instant.now()));
        receiver.answer(410);
        WebhookDispatcher dispatcher = dispatcher(List.of(Duration.ZERO, Duration.ZERO));
        dispatcher.run();
        assertThat(endpoints.find(id).orElseThrow().active()).isFalse();
        assertThat(deliveries.list(null, null, 1).get(0).status()).isEqualTo(Delivery.FAILED);

        fanout.onEvent(event("contact.created"));
        assertThat(deliveries.list(null, null, 10)).hasSize(1);

        endpoints.enable(id);
        int replayed = deliveries.replay(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1), id, Instant.now());
        assertThat(replayed).isEqualTo(1);
        dispatcher.run();
        assertThat(receiver.requests).hasSize(2);
        assertThat(receiver.requests.get(1).header("webhook-id")).isEqualTo(eventId);
        assertThat(receiver.requests.get(1).body()).isEqualTo(receiver.requests.get(0).body());
    }
}

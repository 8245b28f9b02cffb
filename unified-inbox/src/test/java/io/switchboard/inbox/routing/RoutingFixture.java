package io.switchboard.inbox.routing;

import io.switchboard.inbox.conversation.MutableClock;
import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.core.model.HubEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One hub node's routing on a database: the engine and services wired as in the app, with recorded
 * events and realtime frames, settable business hours and a recorded offline auto-reply.
 */
final class RoutingFixture {

    record Frame(String audience, String key, String json) {
    }

    final List<HubEvent> events = new CopyOnWriteArrayList<>();
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    final List<String> offlineReplies = new CopyOnWriteArrayList<>();
    final JdbcClient jdbc;
    final RoutingStore store;
    final Teams teams;
    final RoutingEngine engine;
    final AssignmentService assignments;
    final AgentService agents;
    final Router hooks;
    final RoutingProperties properties;

    RoutingFixture(DataSource dataSource, RoutingProperties properties, MutableClock clock, Supplier<TeamHours> hours) {
        this.properties = properties;
        jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        store = new RoutingStore(tx, new AgentRepository(jdbc, Presence.parse(properties.initialStatus())),
                new QueueRepository(jdbc), new ActivityRepository(jdbc));
        teams = new Teams(properties, store.agents()::usernames);
        TeamAvailability availability = new TeamAvailability(teams, store.agents(), properties, hours,
                () -> (id, team) -> offlineReplies.add(id + "@" + team), clock);
        RoutingEvents routingEvents = new RoutingEvents(events::add, id -> Map.of("id", id));
        VisitorFrames visitorFrames = new VisitorFrames((audience, key, json) -> frames.add(new Frame(audience, key,
                json)));
        engine = new RoutingEngine(store, teams, properties, availability, routingEvents, visitorFrames, clock);
        assignments = new AssignmentService(store, teams, engine, availability, routingEvents, visitorFrames,
                properties, clock);
        agents = new AgentService(store, teams, engine, visitorFrames, properties, clock);
        hooks = new Router(engine, store.queue(), store.activity(), Runnable::run, clock);
    }

    static RoutingProperties properties(List<RoutingProperties.Team> teams, List<RoutingProperties.Rule> rules,
                                        int maxConcurrent, String initialStatus) {
        return new RoutingProperties(teams, rules, null, maxConcurrent, null, java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(5), initialStatus, java.time.Duration.ofSeconds(10), "We're away");
    }

    static RoutingProperties.Team team(String id, RoutingProperties.Strategy strategy, String... members) {
        List<RoutingProperties.Member> list = new ArrayList<>();
        for (String m : members) {
            list.add(new RoutingProperties.Member(m, List.of()));
        }
        return new RoutingProperties.Team(id, id, strategy, list, false);
    }

    void user(String username, String status) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, created_at)"
                        + " VALUES (:u, 'x', :name, 'AGENT', :now)")
                .param("u", username).param("name", "Agent " + username).param("now", ts(Instant.now())).update();
        store.agents().ensureRows(Instant.now());
        store.agents().setStatus(username, Presence.parse(status), Instant.now());
    }

    long contact(String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO contact (display_name, created_at, updated_at) VALUES (:n, :now, :now)")
                .param("n", name).param("now", ts(Instant.now())).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** An open conversation with one customer message, as the inbound path stores it (not routed yet). */
    long conversation(long contactId, String channel, String address, String text, String contextJson,
                      Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO conversation (contact_id, status, next_seq, last_channel, last_account, last_address,"
                        + " context, created_at, updated_at, last_message_at, last_inbound_at)"
                        + " VALUES (:c, 'OPEN', 2, :ch, 'acct', :addr, :ctx, :at, :at, :at, :at)")
                .param("c", contactId).param("ch", channel).param("addr", address).param("ctx", contextJson)
                .param("at", ts(at)).update(key, "id");
        long id = key.getKeyAs(Long.class);
        message(id, 1, "INBOUND", channel, address, text, at);
        return id;
    }

    long conversation(String channel, String address, Instant at) {
        return conversation(contact(address), channel, address, "Hello", null, at);
    }

    void message(long conversationId, long seq, String direction, String channel, String address, String text,
                 Instant at) {
        jdbc.sql("INSERT INTO message (hub_id, conversation_id, seq, direction, channel, account, address, text,"
                        + " status, created_at, received_at, updated_at)"
                        + " VALUES (:hub, :c, :seq, :dir, :ch, 'acct', :addr, :text, 'RECEIVED', :at, :at, :at)")
                .param("hub", UUID.randomUUID()).param("c", conversationId).param("seq", seq).param("dir", direction)
                .param("ch", channel).param("addr", address).param("text", text).param("at", ts(at)).update();
        jdbc.sql("UPDATE conversation SET next_seq = :next WHERE id = :c AND next_seq <= :seq")
                .param("next", seq + 1).param("c", conversationId).param("seq", seq).update();
    }

    /** An agent's reply, as the reply path stores it. */
    void agentReplies(long conversationId) {
        long seq = jdbc.sql("SELECT next_seq FROM conversation WHERE id = :c").param("c", conversationId)
                .query(Long.class).single();
        message(conversationId, seq, "OUTBOUND", "WEBCHAT", "x", "On it", Instant.now());
    }

    /** A person changes the status, as ConversationService does (hooks in and after the transaction). */
    void setStatus(long conversationId, String status, String actor) {
        String before = jdbc.sql("SELECT status FROM conversation WHERE id = :c").param("c", conversationId)
                .query(String.class).single();
        store.tx().executeWithoutResult(s -> {
            jdbc.sql("UPDATE conversation SET status = :s WHERE id = :c").param("s", status)
                    .param("c", conversationId).update();
            hooks.statusChanged(conversationId, before, status, actor);
        });
        hooks.afterStatusChange(conversationId);
    }

    String assignee(long conversationId) {
        return jdbc.sql("SELECT assignee FROM conversation WHERE id = :c").param("c", conversationId)
                .query(String.class).optional().orElse(null);
    }

    String status(long conversationId) {
        return jdbc.sql("SELECT status FROM conversation WHERE id = :c").param("c", conversationId)
                .query(String.class).single();
    }

    boolean queued(long conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE id = :c AND queued_at IS NOT NULL")
                .param("c", conversationId).query(Integer.class).single() == 1;
    }

    List<String> webchatFrames(String visitor) {
        return frames.stream().filter(f -> "webchat".equals(f.audience()) && visitor.equals(f.key()))
                .map(Frame::json).toList();
    }
}

package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseServerTest {

    private static String stat(long pid, String comm) {
        return pid + " (" + comm + ") S 1 1 1 0 -1 4194304 100 0 0 0 7 3 0 0 20 0 1 0 1234\n";
    }

    @Test
    void onlyTheServersOwnProcessesCount() {
        assertThat(DatabaseServer.isServer(stat(17922, "postgres"))).isTrue();
        assertThat(DatabaseServer.isServer(stat(42, "java"))).isFalse();
        assertThat(DatabaseServer.isServer(stat(43, "postgres (copy)"))).isFalse();
        assertThat(DatabaseServer.isServer("garbage")).isFalse();
    }

    @Test
    void cpuAndWakeUpsPerMessageCountProcessesSeenInBothSamples() {
        Map<Long, ThreadCpu.Task> before = Map.of(
                1L, new ThreadCpu.Task("other", 100, 1_000, 5),
                2L, new ThreadCpu.Task("other", 50, 400, 1),
                3L, new ThreadCpu.Task("other", 10, 10, 0));       // a connection closed in between
        Map<Long, ThreadCpu.Task> after = Map.of(
                1L, new ThreadCpu.Task("other", 160, 3_000, 9),
                2L, new ThreadCpu.Task("other", 90, 1_400, 2),
                4L, new ThreadCpu.Task("other", 500, 9_000, 0));    // one opened in between

        DatabaseServer.PerMessage perMessage = DatabaseServer.perMessage(before, after, 1_000).orElseThrow();

        assertThat(perMessage.cpuMillis()).isCloseTo(1.0, within(1e-9)); // 100 ticks of 10 ms over 1,000 messages
        assertThat(perMessage.wakeUps()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void nothingWithoutAServerOrWithoutMessages() {
        Map<Long, ThreadCpu.Task> one = Map.of(1L, new ThreadCpu.Task("other", 1, 1, 0));

        assertThat(DatabaseServer.perMessage(Map.of(), Map.of(), 10)).isEmpty();
        assertThat(DatabaseServer.perMessage(one, one, 0)).isEmpty();
    }

    /** The premise of the wake-up count: each statement sent on its own wakes the connection's server process. */
    @Test
    void eachStatementWakesItsConnectionsServerProcess() throws Exception {
        String url = System.getenv("SWITCHBOARD_TEST_POSTGRES_URL");
        assumeTrue(url != null && url.contains("127.0.0.1"), "needs a PostgreSQL on this machine");
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            long pid;
            try (ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                pid = rows.getLong(1);
            }
            Map<Long, ThreadCpu.Task> before = DatabaseServer.sample();
            for (int i = 0; i < 200; i++) {
                statement.execute("SELECT 1");
            }
            Map<Long, ThreadCpu.Task> after = DatabaseServer.sample();

            assertThat(before).containsKey(pid);
            // about once each: a statement that arrives before the process went back to sleep wakes nothing
            assertThat(after.get(pid).waits() - before.get(pid).waits()).isBetween(180L, 220L);
        }
    }
}

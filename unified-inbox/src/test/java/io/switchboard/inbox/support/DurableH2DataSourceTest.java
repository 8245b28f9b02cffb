package io.switchboard.inbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commits wait for H2's file ({@link H2CommitSurvivesACrashTest} shows that they are then on disk). */
class DurableH2DataSourceTest {

    @TempDir
    Path dir;

    private DurableH2DataSource dataSource;

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=10000");
        h2.setUser("sa");
        dataSource = new DurableH2DataSource(h2);
        try (Connection connection = h2.getConnection()) {
            connection.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @Test
    void aTransactionThatOnlyReadWaitsForNothing() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM t").close();
            connection.setAutoCommit(false);
            statement.executeQuery("SELECT COUNT(*) FROM t").close();
            connection.commit();
            connection.setAutoCommit(true);
        }
        assertThat(dataSource.commits()).isZero();
        assertThat(dataSource.checkpoints()).isZero();
    }

    @Test
    void everyCommitAfterAWriteAndEveryAutoCommitWriteWaitsForACheckpoint() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (1)");
            assertThat(dataSource.checkpoints()).as("auto-commit write").isEqualTo(1);

            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO t VALUES (2)");
            assertThat(dataSource.checkpoints()).as("not before the commit").isEqualTo(1);
            connection.commit();
            assertThat(dataSource.checkpoints()).isEqualTo(2);

            statement.executeUpdate("INSERT INTO t VALUES (3)");
            connection.rollback();
            connection.commit();
            assertThat(dataSource.checkpoints()).as("nothing to write after a rollback").isEqualTo(2);

            statement.executeUpdate("INSERT INTO t VALUES (4)");
            connection.setAutoCommit(true); // commits
            assertThat(dataSource.checkpoints()).isEqualTo(3);
            assertThat(dataSource.commits()).isEqualTo(3);
        }
    }

    @Test
    void concurrentCommitsAllWaitAndCanShareACheckpoint() throws Exception {
        int threads = 8;
        int each = 25;
        List<Throwable> failures = ConcurrentWriters.run(threads, thread -> {
            int first = 100 + thread * each;
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (int i = 0; i < each; i++) {
                    statement.executeUpdate("INSERT INTO t VALUES (" + (first + i) + ")");
                    connection.commit();
                }
            }
        });
        assertThat(failures).isEmpty();
        assertThat(dataSource.commits()).isEqualTo(threads * each);
        assertThat(dataSource.checkpoints()).isBetween(1L, (long) threads * each);
    }
}

package io.switchboard.inbox.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Test
    void insideDurableOnReturnCommitsAreVisibleAtOnceAndTheScopeReturnsOnceTheyAreWritten() throws Exception {
        int seenByOthers = DurableH2DataSource.durableOnReturn(() -> {
            insertCommitted(10);
            insertCommitted(11);
            assertThat(dataSource.checkpoints()).as("no commit waited for the file").isZero();
            try (Connection other = dataSource.getConnection();
                 ResultSet count = other.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                count.next();
                return count.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seenByOthers).as("committed rows, seen by another connection").isEqualTo(2);
        assertThat(dataSource.commits()).isEqualTo(2);
        assertThat(dataSource.checkpoints()).as("one file write for both, before the scope returned").isEqualTo(1);
    }

    @Test
    void aNestedScopeLeavesTheWaitToTheOutermost() {
        DurableH2DataSource.durableOnReturn(() -> {
            DurableH2DataSource.durableOnReturn(() -> {
                insertCommitted(20);
                return null;
            });
            assertThat(dataSource.checkpoints()).as("after the inner scope").isZero();
            return null;
        });
        assertThat(dataSource.checkpoints()).isEqualTo(1);
    }

    @Test
    void workThatFailsAfterACommitStillLeavesThatCommitWritten() {
        assertThatThrownBy(() -> DurableH2DataSource.durableOnReturn(() -> {
            insertCommitted(30);
            throw new IllegalStateException("after the commit");
        })).hasMessage("after the commit");
        // a redelivered message may find this row and be acknowledged without writing anything itself
        assertThat(dataSource.checkpoints()).isEqualTo(1);
    }

    @Test
    void aScopeThatCommittedNothingWaitsForNothing() {
        assertThat(DurableH2DataSource.durableOnReturn(() -> "done")).isEqualTo("done");
        assertThat(dataSource.checkpoints()).isZero();
    }

    /** One transaction that inserts {@code id} and commits, on a connection closed right after (as the inbox's). */
    private void insertCommitted(int id) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO t VALUES (" + id + ")");
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

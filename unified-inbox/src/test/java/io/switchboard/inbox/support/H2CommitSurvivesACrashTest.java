package io.switchboard.inbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A transaction the hub committed on its default H2 file database is on disk when the process dies at
 * once (killed, out of memory, the machine's OOM killer): the inbox acknowledges a message to the broker
 * right after its commit, and the broker then forgets it. H2 alone writes committed changes in the
 * background, up to its WRITE_DELAY later, and a hard stop lost them (0 of 200 rows, before the hub wrapped
 * its H2 data source in {@link DurableH2DataSource}). A child JVM commits on the default URL through the
 * data source the hub builds — from four threads, in transactions and in auto-commit mode — and halts
 * without any shutdown; the test then counts the rows.
 */
class H2CommitSurvivesACrashTest {

    static final int THREADS = 4;
    static final int PER_THREAD = 50;
    /** In a transaction, in auto-commit mode, and in a transaction inside {@link DurableH2DataSource#durableOnReturn}. */
    static final int KINDS = 3;

    /** The URL built into the hub (application.yml in the jar) and the one the admin's config/application.yml sets. */
    @ParameterizedTest
    @ValueSource(strings = {"classpath:application.yml", "file:../config/application.yml"})
    void everyCommitSurvivesAHardStopOfTheProcess(String source, @org.junit.jupiter.api.io.TempDir Path dataDir)
            throws Exception {
        String url = defaultUrl(source).replace("${hub.data-dir}", dataDir.toString());
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the writer finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("the writer's output").contains("committed " + KINDS * THREADS * PER_THREAD);

        assertThat(rowsAfterRestart(url)).as("rows committed before the process died")
                .isEqualTo(KINDS * THREADS * PER_THREAD);
    }

    private static int rowsAfterRestart(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            ResultSet table = connection.getMetaData().getTables(null, null, "CRASH_PROBE", null);
            if (!table.next()) {
                return 0; // even the table's creation was lost
            }
            try (ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM crash_probe")) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private static String defaultUrl(String source) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new DefaultResourceLoader().getResource(source));
        Properties properties = yaml.getObject();
        assertThat(properties).isNotNull();
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:");
        return url;
    }

    /**
     * The child process: each thread commits {@link #PER_THREAD} transactions, as many auto-commit inserts and
     * as many transactions each in a {@link DurableH2DataSource#durableOnReturn} scope (on a connection
     * closed before the scope ends, as the inbox's are) through the hub's data source, then the JVM stops
     * without any shutdown.
     */
    static final class CommitThenHalt {

        public static void main(String[] args) throws Exception {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(args[0]);
            pool.setUsername("sa");
            pool.setPassword("");
            DataSource dataSource = new DurableH2DataSource(pool);
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("CREATE TABLE crash_probe (id INT PRIMARY KEY)");
            }
            List<Throwable> failures = ConcurrentWriters.run(THREADS, thread -> {
                int first = thread * KINDS * PER_THREAD;
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO crash_probe VALUES (?)")) {
                    for (int i = 0; i < PER_THREAD; i++) {
                        connection.setAutoCommit(false);
                        insert.setInt(1, first + i);
                        insert.executeUpdate();
                        connection.commit();
                        connection.setAutoCommit(true);
                        insert.setInt(1, first + PER_THREAD + i);
                        insert.executeUpdate();
                    }
                }
                for (int i = 0; i < PER_THREAD; i++) {
                    int id = first + 2 * PER_THREAD + i;
                    DurableH2DataSource.durableOnReturn(() -> {
                        try (Connection connection = dataSource.getConnection();
                             PreparedStatement insert = connection.prepareStatement("INSERT INTO crash_probe VALUES (?)")) {
                            connection.setAutoCommit(false);
                            insert.setInt(1, id);
                            insert.executeUpdate();
                            connection.commit();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        return null;
                    });
                }
            });
            if (!failures.isEmpty()) {
                failures.get(0).printStackTrace();
                Runtime.getRuntime().halt(1);
            }
            System.out.println("committed " + KINDS * THREADS * PER_THREAD);
            System.out.flush();
            Runtime.getRuntime().halt(0); // as kill -9: no shutdown hook, H2 closes nothing
        }
    }
}

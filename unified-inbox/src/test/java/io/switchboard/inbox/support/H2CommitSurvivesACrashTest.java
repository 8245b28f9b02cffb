package io.switchboard.inbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A transaction the hub committed on its default H2 database is on disk when the process dies at once
 * (killed, out of memory, the machine's OOM killer): the inbox acknowledges a message to the broker right
 * after its commit, and the broker then forgets it. H2 writes committed changes in the background up to
 * its WRITE_DELAY later (500 ms by default), so without {@code WRITE_DELAY=0} in the URL a hard stop
 * loses the last commits. A child JVM commits one row per transaction on the hub's default URL and
 * halts without any shutdown; the test then counts the rows.
 */
class H2CommitSurvivesACrashTest {

    private static final int ROWS = 200;

    @TempDir
    Path dataDir;

    /** The URL built into the hub (application.yml in the jar) and the one the admin's config/application.yml sets. */
    @ParameterizedTest
    @ValueSource(strings = {"classpath:application.yml", "file:../config/application.yml"})
    void everyCommitOnTheDefaultUrlSurvivesAHardStopOfTheProcess(String source) throws Exception {
        String url = defaultUrl(source).replace("${hub.data-dir}", dataDir.toString());
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the writer finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("the writer's output").contains("committed " + ROWS);

        assertThat(rowsAfterRestart(url)).as("rows committed before the process died").isEqualTo(ROWS);
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

    /** The child process: commits {@link #ROWS} transactions, then stops the JVM without any shutdown. */
    static final class CommitThenHalt {

        public static void main(String[] args) throws SQLException {
            try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
                connection.createStatement().execute("CREATE TABLE crash_probe (id INT PRIMARY KEY)");
                connection.setAutoCommit(false);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO crash_probe VALUES (?)");
                for (int i = 0; i < ROWS; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                    connection.commit();
                }
                System.out.println("committed " + ROWS);
                System.out.flush();
                Runtime.getRuntime().halt(0); // as kill -9: no shutdown hook, H2 closes nothing
            }
        }
    }
}

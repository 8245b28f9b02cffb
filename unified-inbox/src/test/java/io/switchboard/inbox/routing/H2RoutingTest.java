package io.switchboard.inbox.routing;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Routing on H2 2.x in its default mode, as the embedded hub runs it. */
class H2RoutingTest extends RoutingContract {

    private final String url = "jdbc:h2:mem:routing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    /** A new data source each call: the two-node test gets independent connections to the same database. */
    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(url, "sa", "");
    }
}

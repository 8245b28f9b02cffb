package io.switchboard.inbox.support;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes which database the inbox runs on ({@link Database}), and makes the commits of an H2 file
 * database durable when they return ({@link DurableH2DataSource}), counting them and the file writes that
 * made them durable.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    Database database(DataSource dataSource) {
        return Database.of(dataSource);
    }

    @Bean
    static BeanPostProcessor durableH2Commits() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && DurableH2DataSource.isH2File(pool.getJdbcUrl())) {
                    return new DurableH2DataSource(pool);
                }
                return bean;
            }
        };
    }

    /**
     * On an H2 file: {@code switchboard.h2.commits} (commits that wrote something) and
     * {@code switchboard.h2.file.writes} (the checkpoints that put them in the file). Their ratio is how many
     * commits share one file write: about 1 under light load, more as load grows.
     */
    @Bean
    MeterBinder durableH2CommitMetrics(DataSource dataSource) {
        return registry -> {
            DurableH2DataSource durable = unwrap(dataSource);
            if (durable == null) {
                return;
            }
            FunctionCounter.builder("switchboard.h2.commits", durable, DurableH2DataSource::commits)
                    .description("Commits that wrote to the H2 file database, each durable when it returned")
                    .register(registry);
            FunctionCounter.builder("switchboard.h2.file.writes", durable, DurableH2DataSource::checkpoints)
                    .description("Checkpoints that wrote those commits to the file, one for every group of them")
                    .register(registry);
        };
    }

    private static DurableH2DataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(DurableH2DataSource.class) ? dataSource.unwrap(DurableH2DataSource.class)
                    : null;
        } catch (SQLException e) {
            return null;
        }
    }
}

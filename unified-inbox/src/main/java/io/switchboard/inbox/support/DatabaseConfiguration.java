package io.switchboard.inbox.support;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes which database the inbox runs on ({@link Database}), and makes the commits of an H2 file
 * database durable when they return ({@link DurableH2DataSource}).
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
}

package io.switchboard.inbox.support;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database the inbox runs on, for the few statements that are written differently on H2 and
 * PostgreSQL (everything else is the same SQL on both, and the persistence contracts run on both).
 */
public enum Database {
    H2,
    POSTGRESQL;

    /** Asks the data source once (its product name), as the inbox does at start-up. */
    public static Database of(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the inbox runs on: " + e.getMessage(), e);
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new IllegalStateException("The inbox runs on H2 or PostgreSQL, not " + product);
    }
}

package io.switchboard.inbox.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Timestamp binding that works the same on H2 and PostgreSQL: both JDBC drivers map
 * {@code TIMESTAMP WITH TIME ZONE} to {@link OffsetDateTime}, while {@link Instant} is not
 * supported by every driver.
 */
public final class Sql {

    private Sql() {
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The instant as a {@code TIMESTAMP WITH TIME ZONE} column stores it: H2 and PostgreSQL both keep
     * microseconds, rounding half up. Code that shows a value it just wrote, without reading it
     * back, shows this.
     */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

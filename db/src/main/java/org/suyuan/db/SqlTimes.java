package org.suyuan.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the schema keeps them (UTC, {@code DATETIME(6)}) for statements written with plain JDBC: bound as text,
 * because MySQL Connector/J drops a timestamp's fraction of a second when the server is MariaDB, and read back as
 * {@link LocalDateTime} in UTC.
 */
public final class SqlTimes {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private SqlTimes() {}

    /** An instant as {@code DATETIME(6)} text in UTC, to the microsecond. */
    public static String text(Instant instant) {
        return TEXT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A {@code DATETIME} column read as an instant in UTC; {@code null} for SQL NULL. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}

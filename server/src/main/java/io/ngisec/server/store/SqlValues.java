package io.ngisec.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How our values sit in columns. Instants keep microseconds (all PostgreSQL can), so a value
 * read back equals the written one after {@link #truncate}; serials are decimal text (they can be
 * 160 bits); group lists are JSON arrays.
 */
final class SqlValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private SqlValues() {
    }

    static Instant truncate(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement s, int index, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(truncate(at), ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static String serial(BigInteger serial) {
        return serial.toString();
    }

    static BigInteger serial(ResultSet r, String column) throws SQLException {
        try {
            return new BigInteger(r.getString(column));
        } catch (NumberFormatException e) {
            throw new SQLException("unreadable serial", "XX001", e);
        }
    }

    static String groups(List<String> groups) {
        try {
            return JSON.writeValueAsString(groups);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    static List<String> groups(ResultSet r, String column) throws SQLException {
        try {
            List<String> groups = JSON.readValue(r.getString(column), STRINGS);
            if (groups == null || groups.contains(null)) {
                throw new SQLException("unreadable group list", "XX001");
            }
            return List.copyOf(groups);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable group list", "XX001", e);
        }
    }
}

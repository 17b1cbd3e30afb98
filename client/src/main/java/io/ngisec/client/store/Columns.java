package io.ngisec.client.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * How the peer's values sit in columns: instants as TIMESTAMP WITH TIME ZONE in UTC to the
 * microsecond (so a value read back equals {@link #truncate} of the written one), lists of
 * names as JSON arrays of strings.
 */
final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private Columns() {
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

    static String names(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    static List<String> names(ResultSet r, String column) throws SQLException {
        try {
            List<String> names = JSON.readValue(r.getString(column), STRINGS);
            if (names == null || names.contains(null)) {
                throw new SQLException("unreadable list in column " + column, "XX001");
            }
            return List.copyOf(names);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable list in column " + column, "XX001", e);
        }
    }
}

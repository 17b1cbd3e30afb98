package io.ngisec.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.server.store.StoreException.Reason;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void messageNamesTheOperationAndStateButNoSql() {
        SQLException cause = new SQLException("duplicate key: INSERT INTO users VALUES ('alice', 'secret')", "23505");

        StoreException e = SqlErrors.map("save a user", cause);

        assertThat(e.getMessage()).isEqualTo("store: could not save a user (SQLState 23505)");
        assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
        assertThat(e.getCause()).isSameAs(cause);
    }

    @Test
    void reasonsFollowTheSqlStateClass() {
        assertThat(SqlErrors.reason("08001")).isEqualTo(Reason.UNAVAILABLE);
        assertThat(SqlErrors.reason("57P01")).isEqualTo(Reason.UNAVAILABLE);
        assertThat(SqlErrors.reason("90121")).isEqualTo(Reason.UNAVAILABLE);
        assertThat(SqlErrors.reason("28P01")).isEqualTo(Reason.UNAVAILABLE);
        assertThat(SqlErrors.reason("23503")).isEqualTo(Reason.CONFLICT);
        assertThat(SqlErrors.reason("22001")).isEqualTo(Reason.CONFLICT);
        assertThat(SqlErrors.reason("40P01")).isEqualTo(Reason.CONFLICT);
        assertThat(SqlErrors.reason("HYT00")).isEqualTo(Reason.CONFLICT);
        assertThat(SqlErrors.reason("42P01")).isEqualTo(Reason.SCHEMA);
        assertThat(SqlErrors.reason("XX001")).isEqualTo(Reason.FAILED);
        assertThat(SqlErrors.reason(null)).isEqualTo(Reason.FAILED);
        assertThat(SqlErrors.reason("")).isEqualTo(Reason.FAILED);
    }

    @Test
    void onlyConnectionFailuresRetireTheConnection() {
        assertThat(SqlErrors.breaksConnection(new SQLException("x", "08006"))).isTrue();
        assertThat(SqlErrors.breaksConnection(new SQLException("x", "57P01"))).isTrue();
        assertThat(SqlErrors.breaksConnection(new SQLException("x", "23505"))).isFalse();
        assertThat(SqlErrors.breaksConnection(new SQLException("x"))).isFalse();
    }
}

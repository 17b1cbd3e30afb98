package io.ngisec.server.store;

import io.ngisec.server.store.StoreException.Reason;
import java.sql.SQLException;

/** Turns driver exceptions into {@link StoreException}s whose message carries no SQL text or values. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** The store's failure for {@code operation} (a short phrase: "add a device"). */
    static StoreException map(String operation, SQLException e) {
        String state = e.getSQLState();
        return new StoreException(reason(state),
                "store: could not " + operation + " (SQLState " + (state == null ? "none" : state) + ")", e);
    }

    static Reason reason(String state) {
        if (state == null || state.length() < 2) {
            return Reason.FAILED;
        }
        if (breaksConnection(state)) {
            return Reason.UNAVAILABLE;
        }
        return switch (state.substring(0, 2)) {
            case "28" -> Reason.UNAVAILABLE;                  // authorization refused
            case "22", "23", "40" -> Reason.CONFLICT;         // data, integrity, rollback
            case "42" -> Reason.SCHEMA;                       // syntax or unknown table
            default -> "HYT00".equals(state) ? Reason.CONFLICT : Reason.FAILED; // H2 lock timeout
        };
    }

    /** True if the connection that raised {@code e} must not be used again. */
    static boolean breaksConnection(SQLException e) {
        return e.getSQLState() != null && breaksConnection(e.getSQLState());
    }

    private static boolean breaksConnection(String state) {
        return state.startsWith("08")                         // connection exceptions
                || state.startsWith("57P")                    // PostgreSQL: server shutting down
                || state.equals("90098")                      // H2: database closed
                || state.equals("90121");                     // H2: database closed by another session
    }
}

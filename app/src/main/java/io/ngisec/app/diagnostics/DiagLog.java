package io.ngisec.app.diagnostics;

import io.ngisec.client.diag.CallLogTable;
import io.ngisec.client.diag.CallRecord;
import io.ngisec.client.diag.SessionLogTable;
import io.ngisec.client.diag.SessionSummary;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import java.util.List;
import java.util.Optional;

/** The recent sessions and calls the client records for {@code ngisec diag}, newest first. Blocking. */
public interface DiagLog {

    List<SessionSummary> recentSessions(int limit) throws StoreException;

    List<CallRecord> recentCalls(int limit) throws StoreException;

    /** The log in the home's {@code database}. */
    static DiagLog of(PeerDatabase database) {
        SessionLogTable sessions = new SessionLogTable(database);
        CallLogTable calls = new CallLogTable(database);
        return new DiagLog() {
            @Override
            public List<SessionSummary> recentSessions(int limit) throws StoreException {
                return sessions.recent(Optional.empty(), limit);
            }

            @Override
            public List<CallRecord> recentCalls(int limit) throws StoreException {
                return calls.recent(Optional.empty(), limit);
            }
        };
    }
}

package io.ngisec.app.diagnostics;

import io.ngisec.client.diag.CallRecord;
import io.ngisec.client.diag.SessionSummary;
import java.util.ArrayList;
import java.util.List;

/** A diag log in memory. */
final class FakeDiagLog implements DiagLog {

    final List<SessionSummary> sessions = new ArrayList<>();
    final List<CallRecord> calls = new ArrayList<>();

    @Override
    public List<SessionSummary> recentSessions(int limit) {
        return sessions.stream().limit(limit).toList();
    }

    @Override
    public List<CallRecord> recentCalls(int limit) {
        return calls.stream().limit(limit).toList();
    }
}

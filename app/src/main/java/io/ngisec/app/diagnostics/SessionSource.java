package io.ngisec.app.diagnostics;

import java.util.List;

/** Where the diagnostics screen samples sessions from: the live ones now. May block briefly; never called on the FX thread. */
@FunctionalInterface
public interface SessionSource {

    /** The sessions open now with their statistics, oldest first; empty when offline. */
    List<LiveSession> sessions();
}

package io.ngisec.app.diagnostics;

import io.ngisec.client.netcheck.NetCheckReport;

/** Runs {@code netcheck} for this device; blocks for up to its timeout, so never on the FX thread. */
@FunctionalInterface
public interface NetcheckRunner {

    /** The report; throws with a one-line message when the check cannot run at all. */
    NetCheckReport run() throws Exception;
}

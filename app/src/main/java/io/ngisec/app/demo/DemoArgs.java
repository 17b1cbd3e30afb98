package io.ngisec.app.demo;

import java.util.List;

/**
 * The demo's command line: {@code [--headless] [--keep]}.
 *
 * @param headless run the scenario on the command line instead of opening the app
 * @param keep leave the temporary folder (homes, server, logs) behind, for a look afterwards
 */
record DemoArgs(boolean headless, boolean keep) {

    static final String USAGE = "usage: ngisec demo [--headless] [--keep]";

    /** Parses {@code args}; throws with a one-line message on anything else. */
    static DemoArgs parse(List<String> args) {
        boolean headless = false;
        boolean keep = false;
        for (String a : args) {
            switch (a) {
                case "--headless" -> headless = true;
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
            }
        }
        return new DemoArgs(headless, keep);
    }
}

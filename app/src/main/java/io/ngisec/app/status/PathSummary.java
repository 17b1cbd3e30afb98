package io.ngisec.app.status;

import io.ngisec.app.call.PathBadge;
import java.util.List;

/**
 * How this device's live peer sessions travel, counted by path: what the status bar's path line
 * says ("2 peer sessions: 1 direct, 1 relayed") and which badge it wears.
 */
public record PathSummary(int direct, int relayed) {

    public static final PathSummary NONE = new PathSummary(0, 0);

    public PathSummary {
        if (direct < 0 || relayed < 0) {
            throw new IllegalArgumentException("negative count: " + direct + " direct, " + relayed + " relayed");
        }
    }

    /** Counts {@code paths}; a path not known yet counts as neither. */
    public static PathSummary of(List<PathBadge> paths) {
        int direct = 0;
        int relayed = 0;
        for (PathBadge p : paths) {
            switch (p) {
                case DIRECT_HOST, DIRECT_NAT, MEMORY -> direct++;
                case RELAYED -> relayed++;
                case UNKNOWN -> { }
            }
        }
        return new PathSummary(direct, relayed);
    }

    public int sessions() {
        return direct + relayed;
    }

    /** "No peer session", "1 peer session, direct", "3 peer sessions: 2 direct, 1 relayed". */
    public String text() {
        if (sessions() == 0) {
            return "No peer session";
        }
        if (sessions() == 1) {
            return "1 peer session, " + (direct == 1 ? "direct" : "relayed");
        }
        if (relayed == 0 || direct == 0) {
            return sessions() + " peer sessions, all " + (relayed == 0 ? "direct" : "relayed");
        }
        return sessions() + " peer sessions: " + direct + " direct, " + relayed + " relayed";
    }

    /** The badge to show: relayed when any session is (worth noticing), direct when all are, none without sessions. */
    public String badge() {
        return relayed > 0 ? "relayed" : direct > 0 ? "direct" : "";
    }
}

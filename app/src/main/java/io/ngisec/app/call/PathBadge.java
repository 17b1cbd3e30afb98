package io.ngisec.app.call;

import io.ngisec.protocol.transport.CandidateType;

/** How the call's packets travel, from the selected ICE pair's candidate type: what the badge says. */
public enum PathBadge {
    /** Straight between host addresses (same network). */
    DIRECT_HOST("direct/host"),
    /** Straight, through a NAT (server- or peer-reflexive address). */
    DIRECT_NAT("direct/NAT"),
    /** Through the organization's TURN relay. */
    RELAYED("relayed"),
    /** An in-process link (tests). */
    MEMORY("in memory"),
    /** Not known (yet). */
    UNKNOWN("unknown path");

    private final String label;

    PathBadge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The badge for a candidate type as {@code CallStats.path()} gives it ({@code host}, {@code srflx}, {@code prflx}, {@code relay}, {@code memory}). */
    public static PathBadge of(String candidateType) {
        return switch (candidateType == null ? "" : candidateType) {
            case "host" -> DIRECT_HOST;
            case "srflx", "prflx" -> DIRECT_NAT;
            case "relay" -> RELAYED;
            case "memory" -> MEMORY;
            default -> UNKNOWN;
        };
    }

    /** The badge for a selected pair: relayed if either end is a relay, direct/host if both are host addresses. */
    public static PathBadge of(CandidateType local, CandidateType remote) {
        if (local == CandidateType.RELAYED || remote == CandidateType.RELAYED) {
            return RELAYED;
        }
        return local == CandidateType.HOST && remote == CandidateType.HOST ? DIRECT_HOST : DIRECT_NAT;
    }
}

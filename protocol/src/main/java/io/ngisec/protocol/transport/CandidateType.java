package io.ngisec.protocol.transport;

/** An ICE candidate type (RFC 8445 section 5.1.1), with its SDP token (RFC 8839 section 5.1). */
public enum CandidateType {
    HOST("host"),
    SERVER_REFLEXIVE("srflx"),
    PEER_REFLEXIVE("prflx"),
    RELAYED("relay");

    private final String token;

    CandidateType(String token) {
        this.token = token;
    }

    /** The token in a candidate line: host, srflx, prflx or relay. */
    public String token() {
        return token;
    }

    /** The type named by {@code token}, or null when it names none. */
    static CandidateType ofToken(String token) {
        for (CandidateType t : values()) {
            if (t.token.equals(token)) {
                return t;
            }
        }
        return null;
    }
}

package io.ngisec.client.netcheck;

/** How the network in front of this host maps its UDP ports, as far as the STUN answers tell. */
public enum NatVerdict {
    /** The servers saw this host's own address and port. */
    NO_NAT("no NAT"),
    /** One local socket got the same mapped address towards two or more server endpoints. */
    ENDPOINT_INDEPENDENT("endpoint-independent mapping"),
    /** One local socket got different mapped addresses towards different server endpoints. */
    VARIES_BY_DESTINATION("mapping varies by destination (symmetric NAT: direct connections need the relay)"),
    /** A mapped address that is not local, but only one server endpoint to compare with. */
    ONE_SERVER("behind NAT, mapping behavior unknown (only one server answered)"),
    /** No server endpoint answered. */
    UNKNOWN("unknown (no STUN server answered)");

    private final String description;

    NatVerdict(String description) {
        this.description = description;
    }

    /** The verdict as people read it. */
    public String description() {
        return description;
    }
}

package io.ngisec.protocol.transport;

/**
 * ice4j's process-wide settings that we change, applied as system properties before ice4j reads
 * its configuration (it reads it once, when its first class loads). A property the user has set
 * already is left alone. Thread safe; idempotent.
 */
final class Ice4jDefaults {

    private static final String[][] PROPERTIES = {
        // The EC2 probe (an HTTP request to the metadata address) costs seconds on every host that
        // is not on EC2; the policy server hands out STUN servers instead.
        {"ice4j.harvest.mapping.aws.enabled", "false"},
        {"org.ice4j.ice.harvest.DISABLE_AWS_HARVESTER", "true"},
        // Link-local addresses need a scope id, which does not survive signaling, and never reach a peer.
        {"ice4j.harvest.use-link-local-addresses", "false"},
        {"org.ice4j.ice.harvest.DISABLE_LINK_LOCAL_ADDRESSES", "true"},
        // No SOFTWARE attribute: it names the library to every on-path observer.
        {"ice4j.software", ""},
    };

    static {
        for (String[] p : PROPERTIES) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }

    private Ice4jDefaults() {}

    /** Makes sure the properties are set; call before touching any ice4j class. */
    static void apply() {
        // The static initializer did the work.
    }
}

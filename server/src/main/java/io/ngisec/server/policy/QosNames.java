package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names a policy file may give a QoS class: the class name (voice, interactive, control, bulk,
 * best_effort or best-effort) or the name of its DiffServ code point (EF, AF31, AF21, AF11, CS0),
 * in any case. Administrators who think in DSCP and those who think in use cases both write what
 * they know; both mean the same ceiling.
 */
public final class QosNames {

    /** The standard names of the code points our classes use (RFC 2474, RFC 2597, RFC 3246). */
    private static final Map<Integer, String> DSCP_NAMES = Map.of(0, "CS0", 10, "AF11", 18, "AF21", 26, "AF31", 46, "EF");

    private QosNames() {
    }

    /** The class {@code name} stands for, or empty when it names none. */
    public static Optional<QosClass> parse(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (QosClass c : QosClass.values()) {
            if (c.name().equals(wanted) || dscpName(c).equals(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The DSCP name of the class's code point, such as {@code EF} for voice. */
    public static String dscpName(QosClass c) {
        return DSCP_NAMES.getOrDefault(c.dscp(), "DSCP " + c.dscp());
    }

    /** The class as policy files write it, such as {@code voice}. */
    public static String policyName(QosClass c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    /** The class for people: its policy name and DSCP name, such as {@code voice (EF)}. */
    public static String describe(QosClass c) {
        return policyName(c) + " (" + dscpName(c) + ")";
    }

    /** Every accepted name, for error messages. */
    static String choices() {
        StringBuilder out = new StringBuilder();
        for (QosClass c : QosClass.values()) {
            out.append(out.isEmpty() ? "" : ", ").append(policyName(c)).append('/').append(dscpName(c));
        }
        return out.toString();
    }
}

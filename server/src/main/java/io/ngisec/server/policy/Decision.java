package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Objects;

/**
 * What the policy says about one service from one user to another: allowed or not, by which rule
 * ({@link #DEFAULT_DENY} when none matched), up to which QoS class, and for files the largest size.
 * Immutable.
 *
 * @param allowed      whether the service is allowed
 * @param rule         the name of the rule that decided, or {@link #DEFAULT_DENY}
 * @param ceiling      the highest QoS class allowed; null when denied
 * @param maxFileBytes largest file the sender may send, in bytes; 0 means no limit (and is always 0
 *                     when denied and for services other than file)
 */
public record Decision(boolean allowed, String rule, QosClass ceiling, long maxFileBytes) {

    /** The rule name of a decision no rule made: whatever is not allowed is denied. */
    public static final String DEFAULT_DENY = "default-deny";

    public Decision {
        Objects.requireNonNull(rule, "rule");
        if (allowed != (ceiling != null)) {
            throw new IllegalArgumentException("an allowed decision has a ceiling, a denial none");
        }
        if (maxFileBytes < 0 || (!allowed && maxFileBytes != 0)) {
            throw new IllegalArgumentException("bad max file size " + maxFileBytes);
        }
    }

    /** A denial by {@code rule}. */
    public static Decision deny(String rule) {
        return new Decision(false, rule, null, 0);
    }

    /** Whether traffic of class {@code qosClass} is allowed by this decision. */
    public boolean permits(QosClass qosClass) {
        return allowed && qosClass.atMost(ceiling);
    }

    /** Whether no rule matched. */
    public boolean isDefaultDeny() {
        return DEFAULT_DENY.equals(rule);
    }

    /**
     * This decision in words for {@code service}, for denial reasons and policy test reports:
     * {@code rule "eng" allows call at voice (EF)}, {@code rule "guests" denies file},
     * {@code no rule allows chat (default-deny)}.
     */
    public String explain(Service service) {
        String name = ServiceNames.policyName(service);
        if (!allowed) {
            return isDefaultDeny() ? "no rule allows " + name + " (" + DEFAULT_DENY + ")"
                    : "rule \"" + rule + "\" denies " + name;
        }
        String limit = maxFileBytes > 0 ? ", files up to " + ByteSize.format(maxFileBytes) : "";
        return "rule \"" + rule + "\" allows " + name + " at " + QosNames.describe(ceiling) + limit;
    }
}

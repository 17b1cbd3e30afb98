package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of a policy file: for senders matching {@code from} and receivers matching {@code to},
 * it allows or denies {@code services}. An allow rule gives each service its highest QoS class
 * and may cap file sizes; a deny rule has neither. Immutable; the constructor throws
 * IllegalArgumentException for a rule no valid policy file could hold.
 *
 * @param ceilings     for an allow rule, the highest class of each service in {@code services};
 *                     empty for a deny rule
 * @param maxFileBytes largest file an allow rule with the file service lets through, in bytes;
 *                     0 for no limit (and always 0 otherwise)
 */
public record Rule(String name, Action action, List<Selector> from, List<Selector> to, Set<Service> services,
                   Map<Service, QosClass> ceilings, long maxFileBytes) {

    /** What a matching rule does. */
    public enum Action {
        ALLOW, DENY
    }

    public Rule {
        if (!PolicyNames.isValid(name) || Decision.DEFAULT_DENY.equals(name)) {
            throw new IllegalArgumentException("bad rule name");
        }
        Objects.requireNonNull(action, "action");
        from = List.copyOf(from);
        to = List.copyOf(to);
        if (from.isEmpty() || to.isEmpty() || services.isEmpty() || services.contains(Service.CONTROL)) {
            throw new IllegalArgumentException("a rule names senders, receivers and services (never CONTROL)");
        }
        services = Collections.unmodifiableSet(EnumSet.copyOf(services));
        ceilings = ceilings.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(ceilings));
        boolean allow = action == Action.ALLOW;
        if (allow ? !ceilings.keySet().equals(services) : !ceilings.isEmpty()) {
            throw new IllegalArgumentException("an allow rule has a ceiling per service, a deny rule none");
        }
        if (maxFileBytes < 0 || (maxFileBytes > 0 && !(allow && services.contains(Service.FILE)))) {
            throw new IllegalArgumentException("a file size limit belongs to an allow rule with the file service");
        }
    }

    /** The decision this rule gives for {@code service}, which it must list. */
    Decision decision(Service service) {
        if (action == Action.DENY) {
            return Decision.deny(name);
        }
        return new Decision(true, name, ceilings.get(service), service == Service.FILE ? maxFileBytes : 0);
    }
}

package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The services a policy rule can name (call, file, chat, in any case) and the class each gets when
 * a rule lists it without a ceiling. CONTROL is not among them: every session has it.
 */
final class ServiceNames {

    /** The services policies decide on, in the order messages list them. */
    static final List<Service> DECIDED = List.of(Service.CALL, Service.CHAT, Service.FILE);

    private ServiceNames() {
    }

    static Optional<Service> parse(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (Service s : DECIDED) {
            if (s.name().equals(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The service as policy files write it, such as {@code call}. */
    static String policyName(Service s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** The ceiling a rule listing {@code s} without a class gives it: what the service is built for. */
    static QosClass defaultClass(Service s) {
        return switch (s) {
            case CALL -> QosClass.VOICE;
            case CHAT -> QosClass.INTERACTIVE;
            case FILE -> QosClass.BULK;
            case CONTROL -> throw new IllegalArgumentException("CONTROL is not decided by policy");
        };
    }

    static String choices() {
        return "call, chat, file";
    }
}

package io.ngisec.protocol.qos;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The highest QoS class a session may use for each service, from its ticket's grants. Both ends
 * check it on every record: a sender refuses to seal above it, a receiver drops and counts what
 * arrives above it, so a peer cannot claim EF for a file transfer. Session control is always
 * allowed up to {@link QosClass#CONTROL}. Immutable.
 */
public final class QosPolicy {

    /** Allows every service at every class: for tests and tools that have no ticket. */
    public static final QosPolicy UNRESTRICTED = new QosPolicy(ceilings(QosClass.VOICE));

    private final QosClass[] ceilingByServiceId;

    private QosPolicy(QosClass[] ceilingByServiceId) {
        this.ceilingByServiceId = ceilingByServiceId;
    }

    /** The policy of a ticket granting {@code grants}; services without a grant are not allowed. */
    public static QosPolicy of(Map<Service, QosClass> grants) {
        QosClass[] ceilings = new QosClass[Service.values().length];
        grants.forEach((service, ceiling) -> ceilings[service.id()] = Objects.requireNonNull(ceiling, "ceiling"));
        ceilings[Service.CONTROL.id()] = QosClass.CONTROL;
        return new QosPolicy(ceilings);
    }

    /** Whether records of {@code service} may carry {@code qosClass}. */
    public boolean permits(Service service, QosClass qosClass) {
        QosClass ceiling = ceilingByServiceId[service.id()];
        return ceiling != null && qosClass.atMost(ceiling);
    }

    /** The highest class records of {@code service} may carry; empty when the service is not allowed. */
    public Optional<QosClass> ceiling(Service service) {
        return Optional.ofNullable(ceilingByServiceId[service.id()]);
    }

    private static QosClass[] ceilings(QosClass all) {
        QosClass[] ceilings = new QosClass[Service.values().length];
        java.util.Arrays.fill(ceilings, all);
        return ceilings;
    }
}

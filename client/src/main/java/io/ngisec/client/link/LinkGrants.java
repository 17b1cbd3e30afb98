package io.ngisec.client.link;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a link's ticket allows: the highest QoS class per service, and the largest file the
 * policy lets this pair transfer (empty: no limit).
 */
public record LinkGrants(Map<Service, QosClass> services, OptionalLong maxFileBytes) {

    public LinkGrants {
        services = Map.copyOf(services);
    }

    public boolean allows(Service service) {
        return services.containsKey(service);
    }

    public Optional<QosClass> ceiling(Service service) {
        return Optional.ofNullable(services.get(service));
    }

    /** Whether a file of {@code bytes} is within the policy's limit. */
    public boolean allowsFileSize(long bytes) {
        return maxFileBytes.isEmpty() || bytes <= maxFileBytes.getAsLong();
    }
}

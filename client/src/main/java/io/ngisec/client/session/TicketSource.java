package io.ngisec.client.session;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.Service;
import java.io.IOException;
import java.util.Set;

/** Where an initiating device gets the signed session ticket for a peer: the policy server's authorize call. */
@FunctionalInterface
public interface TicketSource {

    /**
     * The signed ticket (wire bytes) for {@code services} with {@code peer}; throws
     * {@link SessionSetupException} with reason DENIED (and the policy's rule) when refused.
     */
    byte[] ticket(DeviceId peer, Set<Service> services) throws IOException, SessionSetupException;
}

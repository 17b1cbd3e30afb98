package io.ngisec.client.session;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.session.StreamConfig;
import java.util.List;
import java.util.Map;

/**
 * The streams of a peer session, derived by both sides from the same ticket grants (sessions have
 * no stream opening: both must configure the same streams): stream {@value #CONTROL} carries the
 * control messages of transfers and chat in the interactive class (under the service the ticket
 * grants, CHAT first), stream {@value #DATA} the file data in the bulk class. Each class is capped at
 * the ticket's ceiling for its service. Without a FILE grant the data stream still exists (both
 * sides must configure the same streams) but nothing is written on it: the link refuses file data,
 * and the record layer would refuse to seal it.
 */
final class StreamLayout {

    static final long CONTROL = 0;
    static final long DATA = 1;
    /** The real-time channel of voice frames (datagram channels are apart from stream ids). */
    static final long MEDIA = 0;

    private StreamLayout() {
    }

    static List<StreamConfig> streams(Map<Service, QosClass> grants) {
        Service controlService = grants.containsKey(Service.CHAT) ? Service.CHAT
                : grants.containsKey(Service.FILE) ? Service.FILE : Service.CALL;
        return List.of(
                new StreamConfig(CONTROL, capped(QosClass.INTERACTIVE, grants.get(controlService)), controlService),
                new StreamConfig(DATA, capped(QosClass.BULK, grants.get(Service.FILE)), Service.FILE));
    }

    private static QosClass capped(QosClass wanted, QosClass ceiling) {
        return ceiling == null || wanted.atMost(ceiling) ? wanted : ceiling;
    }
}

package io.ngisec.protocol.session;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Objects;

/**
 * One reliable stream a session carries: its id, and the class and service its packets are
 * sealed with. Both peers must configure the same streams (there is no stream opening yet).
 */
public record StreamConfig(long streamId, QosClass qosClass, Service service) {

    /** Refuses a negative id and null class or service. */
    public StreamConfig {
        if (streamId < 0) {
            throw new IllegalArgumentException("stream id " + streamId);
        }
        Objects.requireNonNull(qosClass, "qosClass");
        Objects.requireNonNull(service, "service");
    }

    /** A file-transfer stream: BULK class, FILE service. */
    public static StreamConfig bulk(long streamId) {
        return new StreamConfig(streamId, QosClass.BULK, Service.FILE);
    }
}

package io.ngisec.protocol.session;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.transport.DatagramPath;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link PacketLink} over one {@link DatagramPath}: packets are queued on the path and go out
 * at {@link #flush()}, so a burst costs one system call where the path batches. Best effort, as
 * the link contract asks: a path that refuses (it is closed: its transport tore it down or moved
 * on) is counted through {@code onSendFailure} rather than thrown. One link per path: the
 * session's {@link PathMigrator} tells paths apart by their links' identity. Used under the
 * session's lock.
 */
final class DatagramPathLink implements PacketLink {

    private final DatagramPath path;
    private final Runnable onSendFailure;
    private boolean queued;

    /** {@code onSendFailure} runs on the sending thread for each refused send or flush. */
    DatagramPathLink(DatagramPath path, Runnable onSendFailure) {
        this.path = path;
        this.onSendFailure = onSendFailure;
    }

    DatagramPath path() {
        return path;
    }

    @Override
    public void send(ByteBuffer datagram, QosClass qosClass) {
        try {
            path.queue(datagram, qosClass);
            queued = true;
        } catch (IOException e) {
            onSendFailure.run();
        }
    }

    /** Sends what was queued since the last flush, if anything. */
    void flush() {
        if (!queued) {
            return;
        }
        queued = false;
        try {
            path.flush();
        } catch (IOException e) {
            onSendFailure.run();
        }
    }

    @Override
    public String toString() {
        return "link to " + path;
    }
}

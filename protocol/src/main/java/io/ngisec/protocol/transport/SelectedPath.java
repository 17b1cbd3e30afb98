package io.ngisec.protocol.transport;

import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The {@link DatagramPath} an {@link IceTransport} hands out for the selected pair of one ICE
 * generation: the pair's path, which stops sending once the pair's consent is lost (RFC 7675
 * section 5.1: an endpoint MUST cease transmission on a pair without consent). Thread safe.
 */
final class SelectedPath implements DatagramPath {

    private final DatagramPath path;
    private final int generation;
    private volatile boolean consentLost;

    SelectedPath(DatagramPath path, int generation) {
        this.path = path;
        this.generation = generation;
    }

    /** From now on every send fails. */
    void consentLost() {
        consentLost = true;
    }

    /** Which ICE generation (0 first, one more for each restart) selected this path. */
    int generation() {
        return generation;
    }

    @Override
    public void send(ByteBuffer datagram, QosClass qosClass) throws IOException {
        if (consentLost) {
            throw new IOException("consent lost on " + this);
        }
        path.send(datagram, qosClass);
    }

    @Override
    public void queue(ByteBuffer datagram, QosClass qosClass) throws IOException {
        if (consentLost) {
            throw new IOException("consent lost on " + this);
        }
        path.queue(datagram, qosClass);
    }

    @Override
    public void flush() throws IOException {
        path.flush();
    }

    @Override
    public void receive(Receiver receiver) {
        path.receive(receiver);
    }

    @Override
    public InetSocketAddress localAddress() {
        return path.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return path.remoteAddress();
    }

    @Override
    public CandidateType localType() {
        return path.localType();
    }

    @Override
    public CandidateType remoteType() {
        return path.remoteType();
    }

    @Override
    public void close() {
        path.close();
    }

    @Override
    public String toString() {
        return path + " (ICE generation " + generation + ")";
    }
}

package io.ngisec.protocol.transport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Opens the best {@link UdpSocket} this platform has. Thread safe. */
public final class UdpSockets {

    private UdpSockets() {
    }

    /** A socket bound to {@code bind} with the given buffer sizes (0: the system's). */
    public static UdpSocket bind(InetSocketAddress bind, int receiveBufferBytes, int sendBufferBytes)
            throws IOException {
        return NioUdpSocket.bind(bind, receiveBufferBytes, sendBufferBytes);
    }
}

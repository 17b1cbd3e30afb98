package io.ngisec.protocol.transport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Opens the best {@link UdpSocket} this platform has: {@link LinuxUdpSocket} where it is
 * available, {@link NioUdpSocket} elsewhere, or when the system property {@code ngisec.udp} is
 * {@code nio}, or when the JVM refuses native access. Thread safe.
 */
public final class UdpSockets {

    /** The system property that picks the implementation; {@code nio} forces the portable one. */
    public static final String PROPERTY = "ngisec.udp";

    private UdpSockets() {
    }

    /** A socket bound to {@code bind} with the given buffer sizes (0: the system's). */
    public static UdpSocket bind(InetSocketAddress bind, int receiveBufferBytes, int sendBufferBytes)
            throws IOException {
        if (nativeAllowed()) {
            try {
                return LinuxUdpSocket.bind(bind, receiveBufferBytes, sendBufferBytes);
            } catch (IllegalCallerException e) {
                // Native access refused (--illegal-native-access=deny without --enable-native-access).
            }
        }
        return NioUdpSocket.bind(bind, receiveBufferBytes, sendBufferBytes);
    }

    private static boolean nativeAllowed() {
        return !"nio".equals(System.getProperty(PROPERTY)) && LinuxUdpSocket.isAvailable();
    }
}

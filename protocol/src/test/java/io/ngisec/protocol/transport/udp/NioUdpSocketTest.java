package io.ngisec.protocol.transport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The {@link UdpSocket} contract for the portable {@link NioUdpSocket}. */
class NioUdpSocketTest extends UdpSocketContract {

    @Override
    UdpSocket bind(InetSocketAddress address, int receiveBufferBytes, int sendBufferBytes) throws IOException {
        return NioUdpSocket.bind(address, receiveBufferBytes, sendBufferBytes);
    }
}

package io.ngisec.protocol.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.message.Message;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.stack.StunStack;

/**
 * A STUN server on loopback for tests: answers every Binding request with a mapped address on
 * {@code mappedAddress} and the request's source port, as a NAT would. With 127.0.0.2 the
 * server-reflexive candidates it makes differ from the host candidates on 127.0.0.1, so ice4j
 * keeps and trickles them (checks to them fail: nothing listens there). Close it after use.
 */
final class FakeStunServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetAddress mappedAddress;
    private final StunStack stack = new StunStack();
    private volatile int answered;

    FakeStunServer(InetAddress mappedAddress) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.mappedAddress = mappedAddress;
        Thread.ofPlatform().daemon().name("fake-stun").start(this::serve);
    }

    /** The server's URI for {@link IceServers#of}. */
    String uri() {
        return "stun:127.0.0.1:" + socket.getLocalPort();
    }

    int answered() {
        return answered;
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                if (!(Message.decode(buffer, 0, packet.getLength()) instanceof Request request)
                        || request.getMessageType() != Message.BINDING_REQUEST) {
                    continue;
                }
                Response response = MessageFactory.createBindingResponse(request,
                        new TransportAddress(mappedAddress, packet.getPort(), Transport.UDP));
                response.setTransactionID(request.getTransactionID());
                byte[] out = response.encode(stack);
                socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
                answered++;
            } catch (Exception e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        stack.shutDown();
    }
}

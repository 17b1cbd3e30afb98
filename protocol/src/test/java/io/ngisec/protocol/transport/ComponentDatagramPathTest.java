package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DSCP marking of {@link ComponentDatagramPath} on plain loopback sockets (the wire is checked by DscpCaptureTest). */
class ComponentDatagramPathTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<DatagramSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(DatagramSocket::close);
    }

    private <S extends DatagramSocket> S bound(S socket) throws SocketException {
        socket.bind(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(2_000);
        sockets.add(socket);
        return socket;
    }

    private static ComponentDatagramPath path(DatagramSocket from, DatagramSocket to) {
        return new ComponentDatagramPath(from, from, (InetSocketAddress) from.getLocalSocketAddress(),
                (InetSocketAddress) to.getLocalSocketAddress(), CandidateType.HOST, CandidateType.HOST);
    }

    private static byte[] receive(DatagramSocket socket) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        socket.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    @Test
    void eachSendLeavesTheSocketMarkedWithItsClassAndTheDatagramArrivesIntact() throws Exception {
        DatagramSocket local = bound(new DatagramSocket(null));
        DatagramSocket peer = bound(new DatagramSocket(null));
        ComponentDatagramPath path = path(local, peer);
        for (QosClass c : QosClass.values()) {
            byte[] data = {(byte) c.code(), 1, 2, 3};
            path.send(ByteBuffer.wrap(data), c);
            assertThat(local.getOption(StandardSocketOptions.IP_TOS)).as("%s", c).isEqualTo(c.trafficClassByte());
            assertThat(receive(peer)).isEqualTo(data);
        }
        assertThat(QosClass.VOICE.trafficClassByte()).isEqualTo(0xb8); // EF, 46 << 2
    }

    @Test
    void theSocketIsRemarkedOnlyWhenTheClassChanges() throws Exception {
        RecordingSocket local = bound(new RecordingSocket(false));
        DatagramSocket peer = bound(new DatagramSocket(null));
        ComponentDatagramPath path = path(local, peer);
        for (QosClass c : List.of(QosClass.VOICE, QosClass.VOICE, QosClass.BULK, QosClass.BULK, QosClass.VOICE)) {
            path.send(ByteBuffer.wrap(new byte[8]), c);
        }
        assertThat(local.marks).containsExactly(
                QosClass.VOICE.trafficClassByte(), QosClass.BULK.trafficClassByte(), QosClass.VOICE.trafficClassByte());
    }

    @Test
    void aSocketThatRefusesTheMarkStillSendsAndIsAskedAgainNextTime() throws Exception {
        RecordingSocket local = bound(new RecordingSocket(true));
        DatagramSocket peer = bound(new DatagramSocket(null));
        ComponentDatagramPath path = path(local, peer);
        path.send(ByteBuffer.wrap(new byte[] {1}), QosClass.VOICE);
        path.send(ByteBuffer.wrap(new byte[] {2}), QosClass.VOICE);
        assertThat(receive(peer)).containsExactly(1);
        assertThat(receive(peer)).containsExactly(2);
        assertThat(local.marks).hasSize(2);
    }

    /** Records every traffic class set on it; optionally refuses them all, as a restricted OS might. */
    private static final class RecordingSocket extends DatagramSocket {
        final List<Integer> marks = new ArrayList<>();
        private final boolean refuse;

        RecordingSocket(boolean refuse) throws SocketException {
            super((SocketAddress) null);
            this.refuse = refuse;
        }

        @Override
        public synchronized void setTrafficClass(int tc) throws SocketException {
            marks.add(tc);
            if (refuse) {
                throw new SocketException("refused");
            }
            super.setTrafficClass(tc);
        }
    }
}

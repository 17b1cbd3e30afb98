package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.transport.udp.UdpSockets;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared host port over loopback: RFC 7983 split, held early data, the STUN facade. */
class SharedUdpPortTest {

    private SharedUdpPort port;
    private DatagramChannel peer;

    @BeforeEach
    void open() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        port = SharedUdpPort.start(UdpSockets.bind(new InetSocketAddress(lo, 0), 0, 0));
        peer = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
    }

    @AfterEach
    void close() throws Exception {
        port.close();
        peer.close();
    }

    private void sendFromPeer(byte[] datagram) throws Exception {
        peer.send(ByteBuffer.wrap(datagram), port.localAddress());
    }

    /** A STUN Binding request header: type 0x0001, length 0, the magic cookie, a transaction id. */
    private static byte[] stun() {
        return ByteBuffer.allocate(20).putShort((short) 1).putShort((short) 0).putInt(0x2112A442)
                .put(new byte[12]).array();
    }

    private static byte[] record(int n) {
        return new byte[] {0x14, (byte) n, 0, 0}; // version 1, DATA: first byte 0x14
    }

    @Test
    void stunAndChannelDataGoToIce() throws Exception {
        sendFromPeer(stun());
        sendFromPeer(new byte[] {0x40, 0x00, 0x00, 0x00}); // ChannelData on channel 0x4000
        port.stunSocket().setSoTimeout(5000);
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        port.stunSocket().receive(p);
        assertThat(p.getLength()).isEqualTo(20);
        assertThat(p.getSocketAddress()).isEqualTo(peer.getLocalAddress());
        port.stunSocket().receive(p);
        assertThat(p.getData()[0]).isEqualTo((byte) 0x40);
    }

    @Test
    void recordsGoToTheReceiverAndEarlyOnesAreHeldForIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            sendFromPeer(record(i));
        }
        // Let them arrive with no receiver set: they are held, in order. (Had the sleep been too
        // short they would only come later: the assertion below still holds.)
        Thread.sleep(200);
        List<Integer> got = new CopyOnWriteArrayList<>();
        port.setDataReceiver((d, from) -> got.add((int) d.get(d.position() + 1)));
        sendFromPeer(record(3));
        awaitTrue(() -> got.size() == 4, 5000);
        assertThat(got).containsExactly(0, 1, 2, 3);
        assertThat(port.unclaimedData()).isZero();
    }

    @Test
    void beyondTheHoldEarlyDataIsDroppedAndCounted() throws Exception {
        int extra = 5;
        for (int i = 0; i < SharedUdpPort.HELD_MAX + extra; i++) {
            sendFromPeer(record(i));
        }
        awaitTrue(() -> port.unclaimedData() == extra, 5000);
        List<Integer> got = new CopyOnWriteArrayList<>();
        port.setDataReceiver((d, from) -> got.add((int) d.get(d.position() + 1)));
        awaitTrue(() -> got.size() == SharedUdpPort.HELD_MAX, 5000);
        assertThat(got.getFirst()).isZero();
    }

    @Test
    void theFacadeTimesOutAndClosesWithoutClosingThePort() throws Exception {
        port.stunSocket().setSoTimeout(50);
        assertThatThrownBy(() -> port.stunSocket().receive(new DatagramPacket(new byte[10], 10)))
                .isInstanceOf(SocketTimeoutException.class);
        port.stunSocket().close();
        assertThatThrownBy(() -> port.stunSocket().receive(new DatagramPacket(new byte[10], 10)))
                .isInstanceOf(SocketException.class);
        // The session's data still flows: only the transport closes the port.
        List<Integer> got = new CopyOnWriteArrayList<>();
        port.setDataReceiver((d, from) -> got.add(1));
        sendFromPeer(record(1));
        awaitTrue(() -> got.size() == 1, 5000);
    }

    @Test
    void firstByteRangesFollowRfc7983() {
        assertThat(SharedUdpPort.isForIce(ByteBuffer.wrap(stun()))).isTrue();
        byte[] notStun = stun();
        notStun[4] = 0; // no magic cookie
        assertThat(SharedUdpPort.isForIce(ByteBuffer.wrap(notStun))).isFalse();
        assertThat(SharedUdpPort.isForIce(ByteBuffer.wrap(new byte[] {64}))).isTrue();
        assertThat(SharedUdpPort.isForIce(ByteBuffer.wrap(new byte[] {79}))).isTrue();
        assertThat(SharedUdpPort.isForIce(ByteBuffer.wrap(new byte[] {80}))).isFalse();
        for (int first = 0x11; first <= 0x15; first++) {
            assertThat(SharedUdpPort.isForIce(ByteBuffer.wrap(new byte[] {(byte) first, 0, 0}))).isFalse();
        }
        assertThat(SharedUdpPort.isForIce(ByteBuffer.allocate(0))).isFalse();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, long millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("condition within %d ms", millis).isTrue();
    }
}

package io.ngisec.protocol.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link UdpSocket} contract for {@link LinuxUdpSocket}, and what is its own: a batch larger
 * than one system call takes, and source addresses decoded once per peer. Skipped where the
 * class is not available (not Linux x86_64/aarch64, or native access refused).
 */
class LinuxUdpSocketTest extends UdpSocketContract {

    @BeforeAll
    static void onlyWhereAvailable() {
        assumeTrue(LinuxUdpSocket.isAvailable(), () -> "LinuxUdpSocket unavailable: " + LinuxUdpSocket.unavailableReason());
    }

    @Override
    UdpSocket bind(InetSocketAddress address, int receiveBufferBytes, int sendBufferBytes) throws IOException {
        return LinuxUdpSocket.bind(address, receiveBufferBytes, sendBufferBytes);
    }

    @Test
    void aBatchLargerThanOneSystemCallTakesIsSentWhole() throws IOException {
        UdpSocket receiver = open(LOOPBACK_V4);
        UdpSocket sender = open(LOOPBACK_V4);
        int n = LinuxConstants.UIO_MAXIOV + 100;
        DatagramBatch out = new DatagramBatch(n, 8);
        for (int i = 0; i < n; i++) {
            out.add(receiver.localAddress(), 0).putInt(i);
        }
        assertThat(sender.send(out)).isEqualTo(n);

        // The receive buffer may not hold them all; those that arrive come in order.
        DatagramBatch in = new DatagramBatch(n, 8);
        int got = receiver.receive(in, 1_000_000_000L);
        assertThat(got).isPositive();
        for (int i = 1; i < got; i++) {
            assertThat(in.slot(i).getInt(0)).isGreaterThan(in.slot(i - 1).getInt(0));
        }
    }

    @Test
    void aRepeatedSourceIsDecodedOnce() throws IOException {
        LinuxUdpSocket receiver = (LinuxUdpSocket) open(LOOPBACK_V4);
        UdpSocket a = open(LOOPBACK_V4);
        UdpSocket b = open(LOOPBACK_V4);
        FuzzInputs inputs = new FuzzInputs("udp-source-cache");
        sendBatch(a, receiver.localAddress(), inputs, 20);
        assertThat(receiveExactly(receiver, 20, SLOT_BYTES).sources()).containsOnly(a.localAddress());
        assertThat(receiver.sourceDecodes()).isEqualTo(1);

        sendBatch(b, receiver.localAddress(), inputs, 5);
        sendBatch(a, receiver.localAddress(), inputs, 5);
        List<InetSocketAddress> sources = new ArrayList<>(receiveExactly(receiver, 10, SLOT_BYTES).sources());
        assertThat(sources.subList(0, 5)).containsOnly(b.localAddress());
        assertThat(sources.subList(5, 10)).containsOnly(a.localAddress());
        assertThat(receiver.sourceDecodes()).isEqualTo(3);
    }

    @Test
    void theFactoryPicksThisSocketUnlessToldOtherwise() throws IOException {
        try (UdpSocket s = UdpSockets.bind(LOOPBACK_V4, 0, 0)) {
            assertThat(s).isInstanceOf(LinuxUdpSocket.class);
        }
        String before = System.getProperty(UdpSockets.PROPERTY);
        System.setProperty(UdpSockets.PROPERTY, "nio");
        try (UdpSocket s = UdpSockets.bind(LOOPBACK_V4, 0, 0)) {
            assertThat(s).isInstanceOf(NioUdpSocket.class);
        } finally {
            if (before == null) {
                System.clearProperty(UdpSockets.PROPERTY);
            } else {
                System.setProperty(UdpSockets.PROPERTY, before);
            }
        }
    }
}

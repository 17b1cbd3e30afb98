package io.ngisec.client.netcheck;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * STUN client transactions over UDP (RFC 8489 section 6.2.1), all at once on one channel: each
 * request is sent, then sent again after 250 ms, 500 ms, 1 s and so on (doubling) until its
 * response arrives or the deadline passes. A response counts only if it comes from the address
 * the request went to, carries the request's transaction id and method, and parses; anything else
 * is dropped. Not thread safe: one exchange at a time per channel.
 */
final class StunTransactions {

    /** First retransmission timeout; each later one doubles it. */
    static final Duration FIRST_RETRANSMIT = Duration.ofMillis(250);

    /** One request to send to {@code destination}. */
    record Request(InetSocketAddress destination, StunMessage message) {
    }

    /**
     * What became of a request: the response (the parsed message, its bytes, and the time from the
     * first transmission to its arrival, so losses show as delay), or why there is none.
     */
    record Outcome(StunMessage response, byte[] wire, Duration rtt, String error) {

        boolean answered() {
            return response != null;
        }
    }

    private StunTransactions() {
    }

    /** The outcome of each request, in order, once all are answered or {@code timeout} has passed. */
    static List<Outcome> exchange(DatagramChannel channel, List<Request> requests, Duration timeout) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int n = requests.size();
        Outcome[] outcomes = new Outcome[n];
        byte[][] wires = new byte[n][];
        long[] nextSend = new long[n];
        long[] interval = new long[n];
        Map<String, Integer> pending = new HashMap<>();
        for (int i = 0; i < n; i++) {
            wires[i] = requests.get(i).message().encode();
            nextSend[i] = start;
            interval[i] = FIRST_RETRANSMIT.toNanos();
            pending.put(requests.get(i).message().transactionKey(), i);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Stun.MAX_UDP_MESSAGE_BYTES * 2);
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (!pending.isEmpty()) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    break;
                }
                long wake = deadline;
                for (int i : List.copyOf(pending.values())) {
                    if (nextSend[i] - now <= 0) {
                        send(channel, requests.get(i), wires[i], outcomes, i, pending);
                        nextSend[i] = now + interval[i];
                        interval[i] *= 2;
                    }
                    if (outcomes[i] == null && nextSend[i] - wake < 0) {
                        wake = nextSend[i];
                    }
                }
                selector.select(Math.max(1, (wake - System.nanoTime() + 999_999) / 1_000_000));
                selector.selectedKeys().clear();
                receiveAll(channel, buffer, requests, outcomes, pending, start);
            }
        }
        List<Outcome> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(outcomes[i] != null ? outcomes[i]
                    : new Outcome(null, null, null, "no answer within " + NetCheckText.duration(timeout)));
        }
        return result;
    }

    private static void send(DatagramChannel channel, Request request, byte[] wire, Outcome[] outcomes, int i,
            Map<String, Integer> pending) {
        try {
            channel.send(ByteBuffer.wrap(wire), request.destination());
        } catch (IOException | RuntimeException e) {
            // No route, an address family the host lacks: this destination is unreachable, the others may not be.
            outcomes[i] = new Outcome(null, null, null, "cannot send: " + NetCheckText.oneLine(e));
            pending.remove(request.message().transactionKey());
        }
    }

    private static void receiveAll(DatagramChannel channel, ByteBuffer buffer, List<Request> requests, Outcome[] outcomes,
            Map<String, Integer> pending, long start) throws IOException {
        while (true) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (java.net.PortUnreachableException e) {
                continue; // an ICMP error for an earlier send; the deadline decides
            }
            if (from == null) {
                return;
            }
            byte[] wire = Arrays.copyOf(buffer.array(), buffer.position());
            StunMessage response;
            try {
                response = StunMessage.parse(wire, wire.length);
            } catch (StunFormatException e) {
                continue; // not a STUN message: dropped
            }
            Integer i = pending.get(response.transactionKey());
            if (i == null || !from.equals(requests.get(i).destination())
                    || !isResponseTo(response.type(), requests.get(i).message().type())) {
                continue;
            }
            pending.remove(response.transactionKey());
            outcomes[i] = new Outcome(response, wire, Duration.ofNanos(System.nanoTime() - start), null);
        }
    }

    /** A success or error response (class bits 0x0100 / 0x0110) of the request's method. */
    static boolean isResponseTo(int responseType, int requestType) {
        return (responseType & 0x0100) != 0 && (responseType & ~0x0110) == requestType;
    }
}

package io.ngisec.client.netcheck;

import io.ngisec.protocol.transport.TurnCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Asks a TURN server for a UDP allocation with long-term credentials (RFC 8656 section 7.2, RFC
 * 8489 section 9.2): an unauthenticated Allocate to learn REALM and NONCE from the 401, the
 * authenticated Allocate, then a Refresh with LIFETIME 0 so the relay is freed at once. Uses a
 * socket of its own, so the allocation's 5-tuple is fresh. Stateless; safe to run concurrently.
 */
final class TurnAllocationCheck {

    /** A stale nonce (438) is answered with a fresh one; retrying once more than that means trouble. */
    private static final int MAX_STALE_NONCE_RETRIES = 1;

    private TurnAllocationCheck() {
    }

    /** Whether {@code server} allocates for {@code credentials} before {@code deadlineNanos} ({@link System#nanoTime}). */
    static TurnResult run(InetSocketAddress server, TurnCredentials credentials, long deadlineNanos) {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(null);
            return allocate(channel, server, credentials, deadlineNanos);
        } catch (IOException e) {
            return TurnResult.failed("cannot test the allocation: " + NetCheckText.oneLine(e));
        }
    }

    private static TurnResult allocate(DatagramChannel channel, InetSocketAddress server, TurnCredentials credentials,
            long deadlineNanos) throws IOException {
        StunTransactions.Outcome first = exchange(channel, server, allocateRequest(List.of()), null, deadlineNanos);
        if (!first.answered()) {
            return TurnResult.failed(first.error());
        }
        if (first.response().type() == Stun.ALLOCATE_SUCCESS) {
            // A server without authentication: nothing to prove, but the relay is still worth reporting.
            return success(channel, server, first, null, deadlineNanos);
        }
        Challenge challenge = Challenge.of(first.response());
        if (challenge == null) {
            return TurnResult.failed("TURN server refused the allocation: " + errorText(first.response()));
        }
        for (int attempt = 0; ; attempt++) {
            Auth auth = new Auth(credentials.username(), challenge,
                    StunIntegrity.longTermKey(credentials.username(), challenge.realm(), credentials.password()));
            StunTransactions.Outcome answer = exchange(channel, server, allocateRequest(auth.attributes()), auth,
                    deadlineNanos);
            if (!answer.answered()) {
                return TurnResult.failed(answer.error());
            }
            if (answer.response().type() == Stun.ALLOCATE_SUCCESS) {
                return success(channel, server, answer, auth, deadlineNanos);
            }
            int code = errorCode(answer.response());
            Challenge fresh = Challenge.of(answer.response());
            if (code == Stun.STALE_NONCE && fresh != null && attempt < MAX_STALE_NONCE_RETRIES) {
                challenge = fresh;
                continue;
            }
            if (code == Stun.UNAUTHORIZED) {
                return TurnResult.failed(errorText(answer.response())
                        + ": the TURN server refused the credentials (wrong or expired)");
            }
            return TurnResult.failed("TURN server refused the allocation: " + errorText(answer.response()));
        }
    }

    private static TurnResult success(DatagramChannel channel, InetSocketAddress server, StunTransactions.Outcome answer,
            Auth auth, long deadlineNanos) throws IOException {
        if (auth != null && !StunIntegrity.verify(answer.response(), answer.wire(), auth.key())) {
            return TurnResult.failed("the TURN server's answer failed the MESSAGE-INTEGRITY check (a different server, or tampering)");
        }
        Optional<byte[]> relayed = answer.response().attribute(Stun.XOR_RELAYED_ADDRESS);
        InetSocketAddress address;
        try {
            address = relayed.isEmpty() ? null
                    : StunAddress.decode(relayed.get(), true, answer.response().transactionId());
        } catch (StunFormatException e) {
            address = null;
        }
        release(channel, server, auth, deadlineNanos);
        return address == null ? TurnResult.failed("the TURN server allocated but sent no valid XOR-RELAYED-ADDRESS")
                : new TurnResult(true, address, null);
    }

    /** Refresh with LIFETIME 0 (RFC 8656 section 7.3): best effort, the allocation times out anyway. */
    private static void release(DatagramChannel channel, InetSocketAddress server, Auth auth, long deadlineNanos)
            throws IOException {
        List<StunAttribute> attributes = new ArrayList<>();
        attributes.add(new StunAttribute(Stun.LIFETIME, new byte[4]));
        Auth current = auth;
        for (int attempt = 0; attempt <= MAX_STALE_NONCE_RETRIES; attempt++) {
            List<StunAttribute> all = new ArrayList<>(attributes);
            if (current != null) {
                all.addAll(current.attributes());
            }
            StunTransactions.Outcome answer = exchange(channel, server,
                    StunMessage.request(Stun.REFRESH_REQUEST, all), current, deadlineNanos);
            if (!answer.answered() || answer.response().type() != Stun.REFRESH_ERROR || current == null) {
                return;
            }
            Challenge fresh = Challenge.of(answer.response());
            if (fresh == null || errorCode(answer.response()) != Stun.STALE_NONCE) {
                return;
            }
            current = new Auth(current.username(), fresh, current.key());
        }
    }

    private static StunMessage allocateRequest(List<StunAttribute> auth) {
        List<StunAttribute> attributes = new ArrayList<>();
        attributes.add(new StunAttribute(Stun.REQUESTED_TRANSPORT, new byte[] {Stun.PROTOCOL_UDP, 0, 0, 0}));
        attributes.addAll(auth);
        return StunMessage.request(Stun.ALLOCATE_REQUEST, attributes);
    }

    private static StunTransactions.Outcome exchange(DatagramChannel channel, InetSocketAddress server,
            StunMessage request, Auth auth, long deadlineNanos) throws IOException {
        Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        StunMessage sent = auth == null ? request
                : StunIntegrity.withFingerprint(StunIntegrity.withIntegrity(request, auth.key()));
        return StunTransactions.exchange(channel, List.of(new StunTransactions.Request(server, sent)), left).getFirst();
    }

    private static int errorCode(StunMessage response) {
        try {
            return StunErrorCode.of(response).map(StunErrorCode::code).orElse(0);
        } catch (StunFormatException e) {
            return 0;
        }
    }

    private static String errorText(StunMessage response) {
        try {
            return StunErrorCode.of(response).map(StunErrorCode::toString).orElse("an error without ERROR-CODE");
        } catch (StunFormatException e) {
            return "a malformed ERROR-CODE";
        }
    }

    /** REALM and NONCE of a 401 or 438 answer; null when it has not both. */
    private record Challenge(String realm, byte[] nonce) {

        static Challenge of(StunMessage response) {
            Optional<byte[]> realm = response.attribute(Stun.REALM);
            Optional<byte[]> nonce = response.attribute(Stun.NONCE);
            int code = errorCode(response);
            if ((code != Stun.UNAUTHORIZED && code != Stun.STALE_NONCE) || realm.isEmpty() || nonce.isEmpty()) {
                return null;
            }
            return new Challenge(new String(realm.get(), StandardCharsets.UTF_8), nonce.get());
        }
    }

    /** The long-term credential for one server: what each authenticated request carries, and its key. */
    private record Auth(String username, Challenge challenge, byte[] key) {

        List<StunAttribute> attributes() {
            return List.of(
                    new StunAttribute(Stun.USERNAME, username.getBytes(StandardCharsets.UTF_8)),
                    new StunAttribute(Stun.REALM, challenge.realm().getBytes(StandardCharsets.UTF_8)),
                    new StunAttribute(Stun.NONCE, Arrays.copyOf(challenge.nonce(), challenge.nonce().length)));
        }
    }
}

package io.ngisec.protocol.session;

import io.ngisec.protocol.channel.frame.PathChallengeFrame;
import io.ngisec.protocol.channel.frame.PathResponseFrame;
import io.ngisec.protocol.congestion.RttEstimator;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Which path a {@link SessionCore} sends on, and the moves between paths (RFC 9000 section 9, with
 * the path validation of section 8.2 done by a {@link PathValidator}). A path is a
 * {@link PacketLink}, compared by identity; the driver tells it which path each datagram came by.
 *
 * <ul>
 *   <li>Every PATH_CHALLENGE in an authenticated packet is answered with a PATH_RESPONSE on the
 *       path it came by.
 *   <li>{@link #migrate} (this side moves: ICE restart, network change): challenges the new path
 *       and switches sending to it once the echo arrives on it; if none does within the timeout,
 *       sending stays where it was.
 *   <li>The peer moved: an authenticated packet on a path other than the current one starts
 *       validation of that path; sending follows once it is validated and the peer has sent
 *       non-probing packets on it (it uses the path, not just probes it). A path this side has
 *       left is not followed again unless {@link #migrate} names it: stragglers on an old path
 *       must not pull the session back.
 * </ul>
 *
 * Switching goes through {@link SessionCore#switchPath}: packets in flight on the old path are sent
 * again, RTT and congestion state start over. The validation timeout is three times the larger of
 * the current PTO and the PTO of a path without samples (RFC 9000 section 8.2.4), so about 3 s at
 * least. Not thread safe: the session's driver calls every method; the listener is called on it.
 */
final class PathMigrator implements SessionCore.PathFrameListener {

    /** Told of every move and failed validation, on the driver's thread; must not block. */
    interface Listener {
        /** Sending moved from {@code from} to {@code to}. */
        void onMigrated(PacketLink from, PacketLink to);

        /** Validation of {@code path} failed or was abandoned; sending stays on the current path. */
        void onValidationFailed(PacketLink path);
    }

    /** Path frames acted on per packet; a packet with more is answered for the first ones only. */
    private static final int MAX_PATH_FRAMES_PER_PACKET = 4;

    private final SessionCore core;
    private final PathValidator<PacketLink> validator;
    private final Listener listener;
    private final long freshPathPtoNanos;
    private final Set<PacketLink> left = Collections.newSetFromMap(new IdentityHashMap<>());
    private final long[] challenges = new long[MAX_PATH_FRAMES_PER_PACKET];
    private final long[] responses = new long[MAX_PATH_FRAMES_PER_PACKET];
    private int challengeCount;
    private int responseCount;
    /** The validation under way was asked for by {@link #migrate}, not by the peer's packets. */
    private boolean localMove;
    /** The peer has sent non-probing packets on the path being validated. */
    private boolean peerUsesPath;
    private long migrations;
    private long validationFailures;
    private long challengesSent;
    private long responsesSent;

    /**
     * Becomes {@code core}'s path frame listener; the core's current link is the first path.
     * {@code random} makes challenge data: a SecureRandom outside tests.
     */
    PathMigrator(SessionCore core, long maxAckDelayNanos, RandomGenerator random, Listener listener) {
        this.core = core;
        this.validator = new PathValidator<>(random);
        this.listener = listener;
        this.freshPathPtoNanos = new RttEstimator(maxAckDelayNanos).probeTimeout();
        core.setPathFrameListener(this);
    }

    /** The path the session sends on. */
    PacketLink current() {
        return core.link();
    }

    /**
     * Starts moving to {@code to}: challenges it now and switches once validated. Abandons (and
     * reports) a validation of another path under way. Nothing happens if {@code to} is current.
     */
    void migrate(PacketLink to, long nowNanos) {
        if (to == core.link()) {
            return;
        }
        if (validator.state() == PathValidator.State.VALIDATED && validator.path() == to) {
            localMove = true; // the peer's packets already had us validate it
            maybeSwitch();
            return;
        }
        abandonOtherThan(to);
        left.remove(to);
        localMove = true;
        peerUsesPath = false;
        startValidation(to, nowNanos);
    }

    /** Takes one datagram that arrived on {@code arrivedOn} at {@code nowNanos} (see {@link SessionCore#onDatagram}). */
    SessionCore.Received onDatagram(long nowNanos, ByteBuffer bytes, PacketLink arrivedOn) {
        challengeCount = 0;
        responseCount = 0;
        SessionCore.Received received = core.onDatagram(nowNanos, bytes);
        if (received == SessionCore.Received.DROPPED) {
            return received;
        }
        for (int i = 0; i < challengeCount; i++) {
            core.sendPathFrame(new PathResponseFrame(challenges[i]), arrivedOn, nowNanos);
            responsesSent++;
        }
        boolean validated = false;
        for (int i = 0; i < responseCount && !validated; i++) {
            validated = validator.onResponse(arrivedOn, responses[i]);
        }
        if (arrivedOn != core.link()) {
            onPacketOnOtherPath(arrivedOn, received, nowNanos);
        }
        if (validated || validator.state() == PathValidator.State.VALIDATED) {
            maybeSwitch();
        }
        return received;
    }

    /** Sends a challenge again or gives up on a validation when due. */
    void poll(long nowNanos) {
        OptionalLong retry = validator.poll(nowNanos);
        if (retry.isPresent()) {
            sendChallenge(retry.getAsLong(), validator.path(), nowNanos);
        } else if (validator.state() == PathValidator.State.FAILED) {
            PacketLink failed = validator.path();
            validator.cancel();
            validationFailures++;
            listener.onValidationFailed(failed);
        }
    }

    /** When {@link #poll} next has something to do, if anything. */
    OptionalLong nextTimeout() {
        return validator.nextTimeout();
    }

    /** Moves done so far. */
    long migrations() {
        return migrations;
    }

    /** Validations that failed or were abandoned. */
    long validationFailures() {
        return validationFailures;
    }

    long challengesSent() {
        return challengesSent;
    }

    long responsesSent() {
        return responsesSent;
    }

    @Override
    public void onPathChallenge(long data) {
        if (challengeCount < challenges.length) {
            challenges[challengeCount++] = data;
        }
    }

    @Override
    public void onPathResponse(long data) {
        if (responseCount < responses.length) {
            responses[responseCount++] = data;
        }
    }

    private void onPacketOnOtherPath(PacketLink arrivedOn, SessionCore.Received received, long nowNanos) {
        boolean onCandidate = validator.path() == arrivedOn
                && validator.state() != PathValidator.State.FAILED && validator.state() != PathValidator.State.IDLE;
        if (onCandidate) {
            peerUsesPath |= received == SessionCore.Received.NON_PROBING;
        } else if (!left.contains(arrivedOn) && validator.state() != PathValidator.State.VALIDATING) {
            localMove = false;
            peerUsesPath = received == SessionCore.Received.NON_PROBING;
            startValidation(arrivedOn, nowNanos);
        }
    }

    private void maybeSwitch() {
        PacketLink to = validator.path();
        if (validator.state() != PathValidator.State.VALIDATED || to == core.link() || !(localMove || peerUsesPath)) {
            return;
        }
        PacketLink from = core.link();
        core.switchPath(to);
        left.add(from);
        left.remove(to);
        migrations++;
        listener.onMigrated(from, to);
    }

    private void startValidation(PacketLink path, long nowNanos) {
        long timeout = 3 * Math.max(core.probeTimeoutNanos(), freshPathPtoNanos);
        sendChallenge(validator.start(path, nowNanos, timeout), path, nowNanos);
    }

    private void abandonOtherThan(PacketLink to) {
        if (validator.state() == PathValidator.State.VALIDATING && validator.path() != to) {
            PacketLink abandoned = validator.path();
            validator.cancel();
            validationFailures++;
            listener.onValidationFailed(abandoned);
        }
    }

    private void sendChallenge(long data, PacketLink on, long nowNanos) {
        core.sendPathFrame(new PathChallengeFrame(data), on, nowNanos);
        challengesSent++;
    }
}

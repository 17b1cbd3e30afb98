package io.ngisec.protocol.bench;

import io.ngisec.protocol.ProtocolInfo;
import io.ngisec.protocol.handshake.HandshakeFailure;
import io.ngisec.protocol.handshake.HandshakeInitiator;
import io.ngisec.protocol.handshake.HandshakeResponder;
import io.ngisec.protocol.handshake.HandshakeResult;
import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.PeerVerifier;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.protocol.noise.HandshakeState;
import io.ngisec.protocol.noise.NoiseException;
import io.ngisec.protocol.noise.NoiseProtocol;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Handshakes per second on one core: a whole NGISec handshake (both sides, three messages,
 * certificate chain and revocation checks on both, ticket verification on both, Split), beside the
 * bare Noise XX exchange it is built on, in the same run. Run with
 * {@code BENCHMARK=HandshakeBenchmark protocol/bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmark {

    private final SecureRandom random = new SecureRandom();
    private LocalCredentials alice;
    private LocalCredentials bob;
    private PeerVerifier verifier;
    private SignedTicket ticket;
    private NoiseProtocol xx;
    private long connectionIds = 1;

    @Setup
    public void setUp() throws NoiseException {
        TestOrganization org = new TestOrganization("Bench");
        alice = org.enroll("alice");
        bob = org.enroll("bob");
        verifier = org.verifier();
        ticket = org.ticket(alice, bob);
        xx = NoiseProtocol.parse(ProtocolInfo.HANDSHAKE_PROTOCOL);
    }

    /** One full NGISec handshake, both sides, on this thread. */
    @Benchmark
    public HandshakeResult ngisecHandshake() throws HandshakeFailure {
        HandshakeInitiator initiator = new HandshakeInitiator(alice, ticket, verifier, ++connectionIds, random, System::nanoTime);
        HandshakeResponder responder = new HandshakeResponder(bob, verifier, ++connectionIds, random, System::nanoTime);
        byte[] response = responder.onInit(ByteBuffer.wrap(initiator.start()));
        byte[] finish = initiator.onResponse(ByteBuffer.wrap(response)).finishDatagram();
        return responder.onFinish(ByteBuffer.wrap(finish));
    }

    /** The reference: the same Noise XX messages with empty payloads, no certificates or tickets. */
    @Benchmark
    public byte[] noiseXxBaseline() throws NoiseException {
        DhKeyPair aliceStatic = alice.noiseStatic();
        DhKeyPair bobStatic = bob.noiseStatic();
        HandshakeState i = HandshakeState.builder(xx, true).prologue(new byte[0]).localStatic(aliceStatic).random(random).build();
        HandshakeState r = HandshakeState.builder(xx, false).prologue(new byte[0]).localStatic(bobStatic).random(random).build();
        r.readMessage(i.writeMessage(new byte[0]));
        i.readMessage(r.writeMessage(new byte[0]));
        r.readMessage(i.writeMessage(new byte[0]));
        i.split().destroy();
        return r.split().initiatorToResponder();
    }
}

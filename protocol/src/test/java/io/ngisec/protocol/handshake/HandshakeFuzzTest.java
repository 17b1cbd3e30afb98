package io.ngisec.protocol.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.fuzz.FuzzInputs;
import io.ngisec.protocol.identity.SignedTicket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of every handshake parser and state-machine entry point with random and mutated
 * datagrams (340,000 inputs, 100,000 for each payload parser): nothing but a
 * {@link HandshakeFailure} may escape, and a changed message never completes a handshake.
 */
class HandshakeFuzzTest {

    private static final TestOrganization ORG = new TestOrganization("Acme");
    private static final LocalCredentials ALICE = ORG.enroll("alice");
    private static final LocalCredentials BOB = ORG.enroll("bob");
    private static final PeerVerifier VERIFIER = ORG.verifier();
    private static final SignedTicket TICKET = ORG.ticket(ALICE, BOB);

    private final Map<HandshakeFailure.Reason, Integer> refusals = new EnumMap<>(HandshakeFailure.Reason.class);

    @Test
    void payloadParsersRefuseBadPayloadsAsMalformed() throws Exception {
        FuzzInputs inputs = new FuzzInputs("handshake payloads");
        List<byte[]> genuine = List.of(new InitPayload(42).encode(),
                new ResponsePayload(7, BOB.certificate().encoded()).encode(),
                new FinishPayload(ALICE.certificate().encoded(), TICKET.encoded()).encode());
        List<Parser> parsers = List.of(InitPayload::parse, ResponsePayload::parse, FinishPayload::parse);
        for (int i = 0; i < 300_000; i++) {
            int kind = i % 3;
            byte[] input = inputs.next(genuine.get(kind), 700);
            try {
                parsers.get(kind).parse(input);
            } catch (HandshakeFailure expected) {
                assertThat(expected.reason()).as(inputs.describe(i, input)).isEqualTo(HandshakeFailure.Reason.MALFORMED);
            } catch (RuntimeException e) {
                throw new AssertionError(inputs.describe(i, input), e);
            }
        }
    }

    @Test
    void responderRefusesChangedInitsOrTheInitiatorRefusesItsAnswer() throws Exception {
        FuzzInputs inputs = new FuzzInputs("handshake init");
        for (int i = 0; i < 20_000; i++) {
            HandshakeRun run = newRun();
            byte[] init = run.initiator.start();
            byte[] datagram = inputs.next(init, 200);
            byte[] response = attempt(() -> run.responder.onInit(ByteBuffer.wrap(datagram)), inputs, i, datagram);
            if (response == null) {
                continue;
            }
            // INIT is not authenticated on arrival: a changed one may be answered, but the
            // transcripts then differ, so the real initiator must refuse the answer.
            boolean completed = attempt(() -> run.initiator.onResponse(ByteBuffer.wrap(response)), inputs, i, datagram) != null;
            assertThat(completed).as(inputs.describe(i, datagram)).isEqualTo(Arrays.equals(datagram, init));
        }
        assertThat(refusals).containsKeys(HandshakeFailure.Reason.MALFORMED, HandshakeFailure.Reason.DECRYPT_FAILED);
    }

    @Test
    void initiatorNeverAcceptsAChangedResponse() throws Exception {
        FuzzInputs inputs = new FuzzInputs("handshake response");
        HandshakeRun run = newRun();
        byte[] response = run.responder.onInit(ByteBuffer.wrap(run.initiator.start()));
        // A refused RESPONSE leaves the initiator waiting, so one initiator takes every try.
        for (int i = 0; i < 10_000; i++) {
            byte[] datagram = inputs.next(response, 1200);
            if (!Arrays.equals(datagram, response)) {
                assertThat(attempt(() -> run.initiator.onResponse(ByteBuffer.wrap(datagram)), inputs, i, datagram))
                        .as("changed RESPONSE accepted: %s", inputs.describe(i, datagram)).isNull();
            }
        }
        assertThat(run.initiator.onResponse(ByteBuffer.wrap(response)).result()).isNotNull();
    }

    @Test
    void responderNeverAcceptsAChangedFinish() throws Exception {
        FuzzInputs inputs = new FuzzInputs("handshake finish");
        HandshakeRun run = newRun();
        byte[] response = run.responder.onInit(ByteBuffer.wrap(run.initiator.start()));
        byte[] finish = run.initiator.onResponse(ByteBuffer.wrap(response)).finishDatagram();
        for (int i = 0; i < 10_000; i++) {
            byte[] datagram = inputs.next(finish, 1200);
            if (!Arrays.equals(datagram, finish)) {
                assertThat(attempt(() -> run.responder.onFinish(ByteBuffer.wrap(datagram)), inputs, i, datagram))
                        .as("changed FINISH accepted: %s", inputs.describe(i, datagram)).isNull();
            }
        }
        assertThat(run.responder.onFinish(ByteBuffer.wrap(finish)).peer().deviceId()).isEqualTo(ALICE.certificate().deviceId());
    }

    /** The step's result, or null after counting its failure; anything else escaping fails the test. */
    private <T> T attempt(Step<T> step, FuzzInputs inputs, int i, byte[] input) {
        try {
            return step.run();
        } catch (HandshakeFailure f) {
            refusals.merge(f.reason(), 1, Integer::sum);
            return null;
        } catch (Exception e) {
            throw new AssertionError(e + " escaped: " + inputs.describe(i, input), e);
        }
    }

    private static HandshakeRun newRun() {
        return new HandshakeRun(ALICE, VERIFIER, TICKET, BOB, VERIFIER);
    }

    interface Step<T> {
        T run() throws Exception;
    }

    interface Parser {
        Object parse(byte[] bytes) throws HandshakeFailure;
    }
}

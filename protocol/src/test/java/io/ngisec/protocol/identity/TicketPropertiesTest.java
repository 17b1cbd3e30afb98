package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ngisec.protocol.fuzz.FuzzInputs;
import io.ngisec.protocol.identity.IdentityException.Reason;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
/**
 * Tickets: arbitrary valid ones survive encoding, and only their exact encoding decodes; arbitrary
 * bytes never crash the parser or pass as signed. Random valid tickets, and bounded fuzzing of the parser with 100,000 inputs, from a seeded
 * {@link FuzzInputs}.
 */
class TicketPropertiesTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.NOW);
    private static final OrgCa CA = Fixtures.ca(CLOCK);
    private static final KeyPair KEY = Ed25519Keys.generate(Fixtures.RANDOM);
    private static final TicketSigner SIGNER =
            new TicketSigner(KEY.getPrivate(), CA.issueTicketSigner(KEY.getPublic(), Duration.ofDays(30)));
    private static final TicketVerifier VERIFIER =
            new TicketVerifier(List.of(SIGNER.certificate()), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    private static final SignedTicket VALID = SIGNER.sign(SessionTicket.issue(Fixtures.RANDOM, Fixtures.ALICE_LAPTOP,
            Fixtures.BOB_PHONE, Fixtures.NOW, Duration.ofHours(1),
            Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK, Service.CHAT, QosClass.INTERACTIVE),
            5_000_000, SIGNER.keyId()));

    @Test
    void codecRoundTripsEveryValidTicket() throws IdentityException {
        FuzzInputs inputs = new FuzzInputs("ticket codec round trip");
        for (int i = 0; i < 20_000; i++) {
            SessionTicket ticket = ticket(inputs);
            byte[] body = TicketCodec.encode(ticket);

            String what = ticket + ", " + inputs.describe(i, body);
            assertThat(body).as(what).hasSize(IdentitySpec.TICKET_FIXED_LENGTH + 2 * ticket.grants().size());
            assertThat(TicketCodec.decode(body)).as(what).isEqualTo(ticket);
            // Strict: the encoding with a byte more or fewer is not a ticket.
            byte[] longer = Arrays.copyOf(body, body.length + 1);
            longer[body.length] = (byte) inputs.random().nextInt(256);
            byte[] shorter = Arrays.copyOf(body, inputs.random().nextInt(body.length));
            for (byte[] wrong : List.of(longer, shorter)) {
                assertThat(catchThrowable(() -> TicketCodec.decode(wrong))).as("%d of %d bytes decoded: %s", wrong.length,
                        body.length, what).isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
            }
        }
    }

    @Test
    void signedTicketsRoundTripAndVerify() throws IdentityException {
        FuzzInputs inputs = new FuzzInputs("signed ticket round trip");
        for (int i = 0; i < 2_000; i++) {
            SessionTicket ticket = withSigner(ticket(inputs));
            SignedTicket signed = SIGNER.sign(ticket);

            SignedTicket parsed = SignedTicket.parse(signed.encoded());

            String what = inputs.describe(i, signed.encoded());
            assertThat(parsed).as(what).isEqualTo(signed);
            assertThat(Ed25519Keys.verify(KEY.getPublic(), TicketSigner.CONTEXT, parsed.body(), parsed.signature()))
                    .as(what).isTrue();
        }
    }

    @Test
    void randomBytesOnlyEverFailAsMalformed() {
        FuzzInputs inputs = new FuzzInputs("ticket random bytes");
        // More tries than the edits below since they are cheap: together 100,000 inputs (docs/protocol.md §7).
        for (int i = 0; i < 70_000; i++) {
            byte[] wire = ticketShapedBytes(inputs);
            try {
                SignedTicket parsed = SignedTicket.parse(wire);
                assertThat(parsed.encoded()).as(inputs.describe(i, wire)).isEqualTo(wire);
            } catch (IdentityException e) {
                assertThat(e.reason()).as(inputs.describe(i, wire)).isEqualTo(Reason.MALFORMED);
            } catch (RuntimeException e) {
                throw new AssertionError(e + " escaped: " + inputs.describe(i, wire), e);
            }
        }
    }

    @Test
    void mutatedTicketsAreRefusedOrStillTheirOwnEncodingButNeverVerify() {
        FuzzInputs inputs = new FuzzInputs("ticket edits");
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            byte[] wire = inputs.edit(VALID.encoded());
            String outcome;
            try {
                outcome = refusedOrUnverified(wire);
            } catch (RuntimeException e) {
                throw new AssertionError(e + " escaped: " + inputs.describe(i, wire), e);
            } catch (AssertionError e) {
                throw new AssertionError(inputs.describe(i, wire), e);
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        // Many edits must parse and so reach the signature check, not only die in the codec.
        assertThat(outcomes.getOrDefault("parsed, " + Reason.BAD_SIGNATURE, 0)).as(outcomes.toString())
                .isGreaterThan(3_000);
        assertThat(outcomes.getOrDefault(Reason.MALFORMED.name(), 0)).as(outcomes.toString()).isGreaterThan(3_000);
    }

    /** How {@code wire} was refused; fails if it parses to anything but its own encoding or verifies when changed. */
    private static String refusedOrUnverified(byte[] wire) {
        SignedTicket parsed;
        try {
            parsed = SignedTicket.parse(wire);
        } catch (IdentityException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            return e.reason().name();
        }
        assertThat(parsed.encoded()).isEqualTo(wire);
        if (parsed.equals(VALID)) {
            return "unchanged";
        }
        try {
            VERIFIER.verify(parsed);
            throw new AssertionError("a tampered ticket verified: " + parsed);
        } catch (IdentityException e) {
            assertThat(e.reason()).isIn(Reason.BAD_SIGNATURE, Reason.UNKNOWN_SIGNER);
            return "parsed, " + e.reason();
        }
    }

    private static byte[] ticketShapedBytes(FuzzInputs inputs) {
        if (inputs.random().nextBoolean()) {
            return inputs.randomBytes(300);
        }
        // Right length and version, so the fuzz reaches the field checks instead of the length check.
        int grants = inputs.intBetween(0, 3);
        byte[] b = inputs.bytes(IdentitySpec.TICKET_FIXED_LENGTH + 2 * grants + IdentitySpec.SIGNATURE_LENGTH);
        b[0] = 1;
        b[IdentitySpec.TICKET_FIXED_LENGTH - 1] = (byte) grants;
        return b;
    }

    /** An arbitrary valid ticket: any ids and keys, any legal times, any subset of grants, any file size. */
    private static SessionTicket ticket(FuzzInputs inputs) {
        TicketId id = new TicketId(inputs.anyLong(), inputs.anyLong());
        DeviceId from = new DeviceId(new UUID(inputs.anyLong(), inputs.anyLong()));
        DeviceId to;
        do {
            to = new DeviceId(new UUID(inputs.anyLong(), inputs.anyLong()));
        } while (to.equals(from));
        long lifetimeMax = IdentitySpec.MAX_TICKET_LIFETIME.toSeconds();
        long issued = inputs.longBetween(0, IdentitySpec.TICKET_MAX_EPOCH_SECOND - lifetimeMax);
        long lifetime = inputs.longBetween(1, lifetimeMax);
        Map<Service, QosClass> grants = new EnumMap<>(Service.class);
        for (Service service : List.of(Service.CALL, Service.FILE, Service.CHAT)) {
            if (inputs.random().nextInt(10) >= 3) {
                grants.put(service, inputs.oneOf(QosClass.class));
            }
        }
        return new SessionTicket(IdentitySpec.TICKET_ENCODING_VERSION, id, from, to, Instant.ofEpochSecond(issued),
                Instant.ofEpochSecond(issued + lifetime), grants, inputs.longBetween(0, Long.MAX_VALUE),
                new KeyId(inputs.anyLong()));
    }

    private static SessionTicket withSigner(SessionTicket t) {
        return new SessionTicket(t.version(), t.ticketId(), t.initiator(), t.responder(), t.issuedAt(), t.expiresAt(),
                t.grants(), t.maxFileSize(), SIGNER.keyId());
    }
}

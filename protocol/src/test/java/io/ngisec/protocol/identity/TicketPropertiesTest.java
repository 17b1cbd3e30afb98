package io.ngisec.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.identity.IdentityException.Reason;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Tickets: arbitrary valid ones survive encoding; arbitrary bytes never crash the parser or pass as signed. */
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

    @Property(tries = 20_000)
    void codecRoundTripsEveryValidTicket(@ForAll("tickets") SessionTicket ticket) throws IdentityException {
        byte[] body = TicketCodec.encode(ticket);

        assertThat(body).hasSize(IdentitySpec.TICKET_FIXED_LENGTH + 2 * ticket.grants().size());
        assertThat(TicketCodec.decode(body)).isEqualTo(ticket);
    }

    @Property(tries = 2_000)
    void signedTicketsRoundTripAndVerify(@ForAll("tickets") SessionTicket unsigned) throws IdentityException {
        SessionTicket ticket = withSigner(unsigned);
        SignedTicket signed = SIGNER.sign(ticket);

        SignedTicket parsed = SignedTicket.parse(signed.encoded());

        assertThat(parsed).isEqualTo(signed);
        assertThat(Ed25519Keys.verify(KEY.getPublic(), TicketSigner.CONTEXT, parsed.body(), parsed.signature())).isTrue();
    }

    @Property(tries = 20_000)
    void randomBytesOnlyEverFailAsMalformed(@ForAll("ticketShapedBytes") byte[] wire) {
        try {
            SignedTicket parsed = SignedTicket.parse(wire);
            assertThat(parsed.encoded()).isEqualTo(wire);
        } catch (IdentityException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        }
    }

    @Property(tries = 30_000)
    void mutatedTicketsAreRefusedOrStillTheirOwnEncodingButNeverVerify(
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] wire = Mutation.applyAll(VALID.encoded(), mutations);
        SignedTicket parsed;
        try {
            parsed = SignedTicket.parse(wire);
        } catch (IdentityException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            return;
        }
        assertThat(parsed.encoded()).isEqualTo(wire);
        if (parsed.equals(VALID)) {
            return;
        }
        try {
            VERIFIER.verify(parsed);
            throw new AssertionError("a tampered ticket verified: " + parsed);
        } catch (IdentityException e) {
            assertThat(e.reason()).isIn(Reason.BAD_SIGNATURE, Reason.UNKNOWN_SIGNER);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.lists();
    }

    @Provide
    Arbitrary<byte[]> ticketShapedBytes() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        // Right length and version, so the fuzz reaches the field checks instead of the length check.
        Arbitrary<byte[]> shaped = Arbitraries.integers().between(0, 3).flatMap(grants ->
                Arbitraries.bytes().array(byte[].class)
                        .ofSize(IdentitySpec.TICKET_FIXED_LENGTH + 2 * grants + IdentitySpec.SIGNATURE_LENGTH)
                        .map(b -> {
                            b[0] = 1;
                            b[IdentitySpec.TICKET_FIXED_LENGTH - 1] = (byte) grants.intValue();
                            return b;
                        }));
        return Arbitraries.oneOf(anyBytes, shaped);
    }

    @Provide
    Arbitrary<SessionTicket> tickets() {
        Arbitrary<TicketId> ids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(TicketId::new);
        Arbitrary<DeviceId> devices =
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> new DeviceId(new UUID(a, b)));
        long lifetimeMax = IdentitySpec.MAX_TICKET_LIFETIME.toSeconds();
        Arbitrary<Long> issued = Arbitraries.longs().between(0, IdentitySpec.TICKET_MAX_EPOCH_SECOND - lifetimeMax);
        Arbitrary<Long> lifetimes = Arbitraries.longs().between(1, lifetimeMax);
        Arbitrary<QosClass> ceiling = Arbitraries.of(QosClass.class).injectNull(0.3);
        Arbitrary<Map<Service, QosClass>> grants = Combinators.combine(ceiling, ceiling, ceiling).as((call, file, chat) -> {
            Map<Service, QosClass> m = new EnumMap<>(Service.class);
            if (call != null) {
                m.put(Service.CALL, call);
            }
            if (file != null) {
                m.put(Service.FILE, file);
            }
            if (chat != null) {
                m.put(Service.CHAT, chat);
            }
            return m;
        });
        Arbitrary<Long> fileSizes = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<KeyId> keys = Arbitraries.longs().map(KeyId::new);
        return Combinators.combine(ids, devices, devices, issued, lifetimes, grants, fileSizes, keys)
                .filter((id, from, to, at, life, g, size, key) -> !from.equals(to))
                .as((id, from, to, at, life, g, size, key) -> new SessionTicket(IdentitySpec.TICKET_ENCODING_VERSION,
                        id, from, to, Instant.ofEpochSecond(at), Instant.ofEpochSecond(at + life), g, size, key));
    }

    private static SessionTicket withSigner(SessionTicket t) {
        return new SessionTicket(t.version(), t.ticketId(), t.initiator(), t.responder(), t.issuedAt(), t.expiresAt(),
                t.grants(), t.maxFileSize(), SIGNER.keyId());
    }
}

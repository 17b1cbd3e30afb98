package io.ngisec.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.identity.IdentityException.Reason;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Certificates: arbitrary and near-valid DER never crashes the parser, and no edit of a certificate verifies. */
class CertificatePropertiesTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.NOW);
    private static final OrgCa CA = Fixtures.ca(CLOCK);
    private static final DeviceCertificate VALID = CA.issueDevice(Fixtures.alice(),
            Ed25519Keys.generate(Fixtures.RANDOM).getPublic(), Duration.ofDays(30));
    private static final CertificateVerifier VERIFIER =
            new CertificateVerifier(CA.certificate(), RevocationChecker.NONE, CLOCK);

    @Property(tries = 10_000)
    void randomBytesAreMalformed(@ForAll("derShapedBytes") byte[] der) {
        try {
            DeviceCertificate.parse(der);
            throw new AssertionError("random bytes parsed as a certificate");
        } catch (IdentityException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        }
    }

    @Property(tries = 40_000)
    void mutatedCertificatesAreRefusedAndNeverVerify(@ForAll("mutations") List<Mutation> mutations) {
        byte[] der = Mutation.applyAll(VALID.encoded(), mutations);
        DeviceCertificate parsed;
        try {
            parsed = DeviceCertificate.parse(der);
        } catch (IdentityException e) {
            assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.WRONG_ROLE);
            return;
        }
        assertThat(parsed.encoded()).isEqualTo(der);
        if (parsed.equals(VALID)) {
            return;
        }
        try {
            VERIFIER.verify(parsed);
            throw new AssertionError("an edited certificate verified: " + parsed);
        } catch (IdentityException e) {
            assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.lists();
    }

    @Provide
    Arbitrary<byte[]> derShapedBytes() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        // A SEQUENCE header with a matching length, so BC descends into the content.
        Arbitrary<byte[]> sequences = Arbitraries.bytes().array(byte[].class).ofMinSize(2).ofMaxSize(127).map(b -> {
            byte[] out = new byte[b.length + 2];
            out[0] = 0x30;
            out[1] = (byte) b.length;
            System.arraycopy(b, 0, out, 2, b.length);
            return out;
        });
        return Arbitraries.oneOf(anyBytes, sequences);
    }
}

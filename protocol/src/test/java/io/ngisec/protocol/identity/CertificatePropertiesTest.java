package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.fuzz.FuzzInputs;
import io.ngisec.protocol.identity.IdentityException.Reason;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Certificates: arbitrary and near-valid DER never crashes the parser, and no edit of a certificate
 * verifies. Bounded fuzzing from a seeded {@link FuzzInputs} (100,000 inputs).
 */
class CertificatePropertiesTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.NOW);
    private static final OrgCa CA = Fixtures.ca(CLOCK);
    private static final DeviceCertificate VALID = CA.issueDevice(Fixtures.alice(),
            Ed25519Keys.generate(Fixtures.RANDOM).getPublic(), Duration.ofDays(30));
    private static final CertificateVerifier VERIFIER =
            new CertificateVerifier(CA.certificate(), RevocationChecker.NONE, CLOCK);

    @Test
    void randomBytesAreMalformed() {
        FuzzInputs inputs = new FuzzInputs("certificate random bytes");
        // More tries than the edits below since they are cheap: together 100,000 inputs (docs/protocol.md §7).
        for (int i = 0; i < 60_000; i++) {
            byte[] der = derShapedBytes(inputs);
            try {
                DeviceCertificate.parse(der);
                throw new AssertionError("random bytes parsed as a certificate: " + inputs.describe(i, der));
            } catch (IdentityException e) {
                assertThat(e.reason()).as(inputs.describe(i, der)).isEqualTo(Reason.MALFORMED);
            } catch (RuntimeException e) {
                throw new AssertionError(e + " escaped: " + inputs.describe(i, der), e);
            }
        }
    }

    @Test
    void mutatedCertificatesAreRefusedAndNeverVerify() {
        FuzzInputs inputs = new FuzzInputs("certificate edits");
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            byte[] der = inputs.edit(VALID.encoded());
            String outcome;
            try {
                outcome = refusedOrUnverified(der);
            } catch (RuntimeException e) {
                throw new AssertionError(e + " escaped: " + inputs.describe(i, der), e);
            } catch (AssertionError e) {
                throw new AssertionError(inputs.describe(i, der), e);
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        // The edits must reach the signature check often, not only die in the DER parser.
        assertThat(outcomes.getOrDefault("parsed, " + Reason.UNTRUSTED, 0)).as(outcomes.toString())
                .isGreaterThan(2_000);
        assertThat(outcomes.getOrDefault(Reason.MALFORMED.name(), 0)).as(outcomes.toString()).isGreaterThan(2_000);
    }

    /** How {@code der} was refused; fails if it parses to anything but its own encoding or verifies when changed. */
    private static String refusedOrUnverified(byte[] der) {
        DeviceCertificate parsed;
        try {
            parsed = DeviceCertificate.parse(der);
        } catch (IdentityException e) {
            assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.WRONG_ROLE);
            return e.reason().name();
        }
        assertThat(parsed.encoded()).isEqualTo(der);
        if (parsed.equals(VALID)) {
            return "unchanged";
        }
        try {
            VERIFIER.verify(parsed);
            throw new AssertionError("an edited certificate verified: " + parsed);
        } catch (IdentityException e) {
            assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
            return "parsed, " + e.reason();
        }
    }

    private static byte[] derShapedBytes(FuzzInputs inputs) {
        if (inputs.random().nextBoolean()) {
            return inputs.randomBytes(600);
        }
        // A SEQUENCE header with a matching length, so BC descends into the content.
        byte[] content = inputs.bytes(inputs.intBetween(2, 127));
        byte[] out = new byte[content.length + 2];
        out[0] = 0x30;
        out[1] = (byte) content.length;
        System.arraycopy(content, 0, out, 2, content.length);
        return out;
    }
}

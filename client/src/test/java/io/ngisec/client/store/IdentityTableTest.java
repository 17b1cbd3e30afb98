package io.ngisec.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.testing.TestOrg;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityTableTest {

    private static final TestOrg ACME = new TestOrg("acme");
    private static final Instant ENROLLED = Instant.parse("2030-03-01T12:00:00.123456789Z");

    @Test
    void savesEverythingButTheKeys() throws Exception {
        EnrolledIdentity alice = ACME.enroll("alice");
        try (PeerDatabase database = PeerDatabase.inMemory("identity")) {
            assertThat(database.transaction(IdentityTable::load)).isEmpty();
            database.transaction(c -> IdentityTable.save(c, alice, ENROLLED));
            StoredIdentity stored = database.transaction(IdentityTable::load).orElseThrow();
            assertThat(stored.deviceId()).isEqualTo(alice.deviceId());
            assertThat(stored.user()).isEqualTo("alice");
            assertThat(stored.groups()).containsExactly("staff");
            assertThat(stored.deviceName()).isEqualTo("alice-laptop");
            assertThat(stored.server()).isEqualTo(alice.server());
            assertThat(stored.caFingerprint()).isEqualTo(alice.caFingerprint());
            assertThat(stored.caCertificate()).isEqualTo(alice.caCertificate());
            assertThat(stored.deviceCertificate()).isEqualTo(alice.deviceCertificate());
            assertThat(stored.ticketSigners()).containsExactlyElementsOf(alice.ticketSigners());
            assertThat(stored.enrolledAt()).isEqualTo(Instant.parse("2030-03-01T12:00:00.123456Z"));
            assertThat(stored.renewedAt()).isNull();
        }
    }

    @Test
    void savingTheSameCertificateAgainIsNoRenewal() throws Exception {
        EnrolledIdentity alice = ACME.enroll("alice");
        try (PeerDatabase database = PeerDatabase.inMemory("identity-again")) {
            database.transaction(c -> IdentityTable.save(c, alice, ENROLLED));
            StoredIdentity again = database.transaction(c -> IdentityTable.save(c, alice, ENROLLED.plusSeconds(60)));
            assertThat(again.enrolledAt()).isEqualTo(database.transaction(IdentityTable::load).orElseThrow().enrolledAt());
            assertThat(again.renewedAt()).isNull();
            StoredIdentity bob = database.transaction(c -> IdentityTable.save(c, ACME.enroll("bob"), ENROLLED.plusSeconds(120)));
            assertThat(bob.enrolledAt()).as("to the microsecond").isEqualTo(Instant.parse("2030-03-01T12:02:00.123456Z"));
            assertThat(database.transaction(IdentityTable::load).orElseThrow().user()).isEqualTo("bob");
        }
    }
}

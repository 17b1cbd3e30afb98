package io.ngisec.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.server.api.ApiException;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientCertificateCheckTest {

    private final TestPki pki = new TestPki("Acme");

    private ClientCertificateCheck check(Clock clock) throws Exception {
        return new ClientCertificateCheck(OrgCaCertificate.parse(pki.caX509.getEncoded()), clock);
    }

    @Test
    void acceptsADeviceCertificateOfTheOrgCa() throws Exception {
        TestPki.Device device = pki.device("alice");
        assertThat(check(Clock.systemUTC()).verify(new Certificate[] {device.x509()}).deviceId()).isEqualTo(device.id());
    }

    @Test
    void refusesMissingForeignWrongRoleAndExpired() throws Exception {
        ClientCertificateCheck now = check(Clock.systemUTC());
        assertRefused(now, null);
        assertRefused(now, new Certificate[0]);
        assertRefused(now, new Certificate[] {new TestPki("Other").device("mallory").x509()});
        assertRefused(now, new Certificate[] {pki.caX509});
        assertRefused(now, pki.serverTls.certificateChain());
        Clock later = Clock.offset(Clock.fixed(java.time.Instant.now(), ZoneOffset.UTC), Duration.ofDays(3));
        assertRefused(check(later), new Certificate[] {pki.device("alice").x509()});
    }

    private static void assertRefused(ClientCertificateCheck check, Certificate[] chain) {
        assertThatThrownBy(() -> check.verify(chain))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("client_certificate_required");
                });
    }
}

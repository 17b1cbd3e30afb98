package io.ngisec.client.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.identity.EnrolledIdentity;

/** Assertions that two identities are the same, keys included (records compare arrays by reference). */
final class Identities {

    private Identities() {
    }

    static void assertSame(EnrolledIdentity actual, EnrolledIdentity expected) {
        assertThat(actual.deviceId()).isEqualTo(expected.deviceId());
        assertThat(actual.user()).isEqualTo(expected.user());
        assertThat(actual.groups()).isEqualTo(expected.groups());
        assertThat(actual.deviceName()).isEqualTo(expected.deviceName());
        assertThat(actual.server()).isEqualTo(expected.server());
        assertThat(actual.caFingerprint()).isEqualTo(expected.caFingerprint());
        assertThat(actual.caCertificate()).isEqualTo(expected.caCertificate());
        assertThat(actual.deviceCertificate()).isEqualTo(expected.deviceCertificate());
        assertThat(actual.ticketSigners()).containsExactlyElementsOf(expected.ticketSigners());
        assertThat(actual.keys().signing().getPrivate().getEncoded())
                .isEqualTo(expected.keys().signing().getPrivate().getEncoded());
        assertThat(actual.keys().signing().getPublic().getEncoded())
                .isEqualTo(expected.keys().signing().getPublic().getEncoded());
        assertThat(actual.keys().noise().privateKey()).isEqualTo(expected.keys().noise().privateKey());
        assertThat(actual.keys().noise().publicKey()).isEqualTo(expected.keys().noise().publicKey());
    }
}

package io.ngisec.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SessionTicketTest {

    private static final KeyId KEY = new KeyId(0x0102030405060708L);
    private static final TicketId ID = new TicketId(1, 2);

    @Test
    void issueTruncatesToSecondsAndAddsTheLifetime() {
        SessionTicket t = SessionTicket.issue(Fixtures.RANDOM, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE,
                Fixtures.NOW.plusMillis(999), Duration.ofHours(1), Fixtures.grants(), 0, KEY);

        assertThat(t.issuedAt()).isEqualTo(Fixtures.NOW);
        assertThat(t.expiresAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofHours(1)));
        assertThat(t.lifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(t.version()).isEqualTo(IdentitySpec.TICKET_ENCODING_VERSION);
    }

    @Test
    void grantsAreCeilings() {
        SessionTicket t = ticket(Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK), 0);

        assertThat(t.allows(Service.CALL, QosClass.VOICE)).isTrue();
        assertThat(t.allows(Service.FILE, QosClass.BULK)).isTrue();
        assertThat(t.allows(Service.FILE, QosClass.BEST_EFFORT)).isTrue();
        assertThat(t.allows(Service.FILE, QosClass.INTERACTIVE)).isFalse();
        assertThat(t.allows(Service.CHAT, QosClass.BEST_EFFORT)).isFalse();
        assertThat(t.allows(Service.CONTROL, QosClass.CONTROL)).isFalse();
        assertThat(t.ceiling(Service.FILE)).contains(QosClass.BULK);
        assertThat(t.ceiling(Service.CHAT)).isEmpty();
    }

    @Test
    void fileSizeLimitZeroMeansNone() {
        assertThat(ticket(Fixtures.grants(), 0).allowsFileSize(Long.MAX_VALUE)).isTrue();
        assertThat(ticket(Fixtures.grants(), 1000).allowsFileSize(1000)).isTrue();
        assertThat(ticket(Fixtures.grants(), 1000).allowsFileSize(1001)).isFalse();
    }

    @Test
    void grantsCannotBeChangedAfterwards() {
        SessionTicket t = ticket(Fixtures.grants(), 0);

        assertThatThrownBy(() -> t.grants().put(Service.FILE, QosClass.VOICE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesTicketsTheSpecForbids() {
        Instant at = Fixtures.NOW;
        assertInvalid(() -> new SessionTicket(2, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, at, at.plusSeconds(1),
                Fixtures.grants(), 0, KEY));
        assertInvalid(() -> new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.ALICE_LAPTOP, at,
                at.plusSeconds(1), Fixtures.grants(), 0, KEY));
        assertInvalid(() -> new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, at, at,
                Fixtures.grants(), 0, KEY));
        assertInvalid(() -> new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, at,
                at.plus(IdentitySpec.MAX_TICKET_LIFETIME).plusSeconds(1), Fixtures.grants(), 0, KEY));
        assertInvalid(() -> new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, at.plusMillis(1),
                at.plusSeconds(1), Fixtures.grants(), 0, KEY));
        assertInvalid(() -> new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, at, at.plusSeconds(1),
                Map.of(Service.CONTROL, QosClass.CONTROL), 0, KEY));
        assertInvalid(() -> new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, at, at.plusSeconds(1),
                Fixtures.grants(), -1, KEY));
        assertInvalid(() -> new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE,
                Instant.ofEpochSecond(-5), Instant.ofEpochSecond(5), Fixtures.grants(), 0, KEY));
    }

    @Test
    void acceptsTheLongestAllowedLifetime() {
        SessionTicket t = new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, Fixtures.NOW,
                Fixtures.NOW.plus(IdentitySpec.MAX_TICKET_LIFETIME), Map.of(), 0, KEY);

        assertThat(t.lifetime()).isEqualTo(IdentitySpec.MAX_TICKET_LIFETIME);
    }

    private static SessionTicket ticket(Map<Service, QosClass> grants, long maxFileSize) {
        return new SessionTicket(1, ID, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, Fixtures.NOW,
                Fixtures.NOW.plusSeconds(60), grants, maxFileSize, KEY);
    }

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
    }
}

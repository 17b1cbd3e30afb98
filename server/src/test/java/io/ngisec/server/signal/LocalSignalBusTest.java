package io.ngisec.server.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.DeviceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalSignalBusTest {

    private final LocalSignalBus bus = new LocalSignalBus();
    private final SignalEnvelope m1 = SignalEnvelope.to(DeviceId.random(), SignalEnvelope.SIGNAL, "{\"n\":1}");
    private final SignalEnvelope m2 = SignalEnvelope.broadcast(SignalEnvelope.REVOKED, "{\"n\":2}");

    @Test
    void everySubscriberGetsEveryMessageBeforePublishReturns() {
        List<SignalEnvelope> a = new ArrayList<>();
        List<SignalEnvelope> b = new ArrayList<>();
        bus.subscribe(a::add);
        bus.subscribe(b::add);

        bus.publish(m1);
        assertThat(a).containsExactly(m1);
        bus.publish(m2);

        assertThat(a).containsExactly(m1, m2);
        assertThat(b).containsExactly(m1, m2);
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() throws Exception {
        List<SignalEnvelope> got = new ArrayList<>();
        AutoCloseable first = bus.subscribe(got::add);
        bus.subscribe(got::add);   // the same listener twice: two subscriptions

        bus.publish(m1);
        first.close();
        first.close();
        bus.publish(m2);

        assertThat(got).containsExactly(m1, m1, m2);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<SignalEnvelope> got = new ArrayList<>();
        bus.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        bus.subscribe(got::add);

        bus.publish(m1);

        assertThat(got).containsExactly(m1);
    }

    @Test
    void aClosedBusRefusesToPublish() {
        List<SignalEnvelope> got = new ArrayList<>();
        bus.subscribe(got::add);
        bus.close();

        assertThatThrownBy(() -> bus.publish(m1)).isInstanceOf(IllegalStateException.class);
        assertThat(got).isEmpty();
    }
}

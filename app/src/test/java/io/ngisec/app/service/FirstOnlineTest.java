package io.ngisec.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.testing.FakePeerService;
import io.ngisec.app.testing.Samples;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirstOnlineTest {

    private final FakePeerService service = new FakePeerService(Samples.self());
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void runsOnceWhenTheServiceFirstComesOnlineNotOnReconnections() {
        FirstOnline.run(service, runs::incrementAndGet);
        assertThat(runs).hasValue(0);
        service.status(new ServerStatus(ConnectionPhase.ONLINE, ""));
        assertThat(runs).hasValue(1);
        service.status(new ServerStatus(ConnectionPhase.RECONNECTING, "connection refused"));
        service.status(new ServerStatus(ConnectionPhase.ONLINE, ""));
        assertThat(runs).hasValue(1);
    }

    @Test
    void runsAtOnceWhenTheServiceIsOnlineAlready() {
        service.status(new ServerStatus(ConnectionPhase.ONLINE, ""));
        FirstOnline.run(service, runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }
}

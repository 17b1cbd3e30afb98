package io.ngisec.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void runsTasksOneAtATimeInOrderOnAManyThreadedExecutor() throws Exception {
        try (ExecutorService shared = Executors.newVirtualThreadPerTaskExecutor()) {
            SerialExecutor serial = new SerialExecutor(shared);
            List<Integer> order = new CopyOnWriteArrayList<>();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1_000);
            for (int i = 0; i < 1_000; i++) {
                int n = i;
                serial.execute(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(order).isSorted().hasSize(1_000);
            assertThat(maxRunning.get()).isEqualTo(1);
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheNext() {
        SerialExecutor serial = new SerialExecutor(Runnable::run);
        List<String> ran = new CopyOnWriteArrayList<>();
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> ran.add("next"));
        assertThat(ran).containsExactly("next");
    }
}

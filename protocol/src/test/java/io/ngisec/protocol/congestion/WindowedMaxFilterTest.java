package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowedMaxFilterTest {

    @Test
    void keepsTheMaximumUntilItAgesOut() {
        WindowedMaxFilter filter = new WindowedMaxFilter(3);
        assertThat(filter.max()).isZero();
        filter.update(0, 5);
        filter.update(1, 9);
        filter.update(2, 4);
        assertThat(filter.max()).isEqualTo(9);
        filter.update(3, 1);
        assertThat(filter.max()).isEqualTo(9);
        filter.update(4, 2);   // 9 from tick 1 is now 3 ticks old
        assertThat(filter.max()).isEqualTo(4);
        filter.update(10, 3);
        assertThat(filter.max()).isEqualTo(3);
    }

    @Test
    void agreesWithABruteForceMaximum() {
        SplittableRandom random = new FuzzInputs("WindowedMaxFilter").random();
        WindowedMaxFilter filter = new WindowedMaxFilter(10);
        List<double[]> all = new ArrayList<>();
        long tick = 0;
        for (int i = 0; i < 2_000; i++) {
            tick += random.nextInt(3);
            double value = random.nextInt(1_000);
            filter.update(tick, value);
            all.add(new double[] {tick, value});
            long now = tick;
            double expected = all.stream().filter(s -> s[0] > now - 10).mapToDouble(s -> s[1]).max().orElse(0);
            assertThat(filter.max()).isEqualTo(expected);
        }
    }
}

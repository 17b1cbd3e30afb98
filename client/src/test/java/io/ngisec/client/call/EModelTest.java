package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EModelTest {

    private static final EModel OPUS = EModel.OPUS;

    @Test
    void unimpairedCallIsTheG107ReferencePoint() {
        assertThat(OPUS.rating(0, 0, 1)).isEqualTo(93.2);
        // 1 + 0.035 * 93.2 + 93.2 * 33.2 * 6.8 * 7e-6
        assertThat(OPUS.mos(0, 0, 1)).isCloseTo(4.4093, within(1e-4));
    }

    @Test
    void handCheckedPoints() {
        // 200 ms: Id = 0.024 * 200 + 0.11 * (200 - 177.3) = 7.297; R = 85.903.
        assertThat(OPUS.rating(200, 0, 1)).isCloseTo(85.903, within(1e-9));
        assertThat(OPUS.mos(200, 0, 1)).isCloseTo(4.2262, within(1e-4));
        // Below the knee only the linear term: 150 ms -> Id = 3.6.
        assertThat(EModel.delayImpairment(150)).isCloseTo(3.6, within(1e-12));
        // 5 % random loss with Bpl 20: Ie,eff = 95 * 5 / 25 = 19; R = 74.2.
        assertThat(OPUS.rating(0, 5, 1)).isCloseTo(74.2, within(1e-9));
        assertThat(OPUS.mos(0, 5, 1)).isCloseTo(3.7873, within(1e-4));
        // The same loss in bursts (BurstR 2) hurts more: Ie,eff = 95 * 5 / 22.5.
        assertThat(OPUS.rating(0, 5, 2)).isCloseTo(93.2 - 95 * 5 / 22.5, within(1e-9));
        // Both together: 150 ms and 2 % -> 93.2 - 3.6 - 95 * 2 / 22.
        assertThat(OPUS.mos(150, 2, 1)).isCloseTo(4.0599, within(1e-4));
        // G.711 with PLC (Bpl 25.1) at 5 %: Ie,eff = 475 / 30.1.
        assertThat(EModel.G711_PLC.rating(0, 5, 1)).isCloseTo(93.2 - 475 / 30.1, within(1e-9));
    }

    @Test
    void qualityFallsMonotonicallyWithLossAndDelay() {
        double previous = Double.MAX_VALUE;
        for (double loss = 0; loss <= 100; loss += 0.5) {
            double r = OPUS.rating(50, loss, 1);
            assertThat(r).isLessThan(previous);
            previous = r;
        }
        previous = Double.MAX_VALUE;
        for (double delay = 0; delay <= 600; delay += 5) {
            double mos = OPUS.mos(delay, 1, 1);
            assertThat(mos).isLessThan(previous);
            previous = mos;
        }
    }

    @Test
    void ratingAndMosAreClamped() {
        // 100 % loss and a second of delay push R below 0.
        assertThat(OPUS.rating(1000, 100, 1)).isZero();
        assertThat(OPUS.mos(1000, 100, 1)).isEqualTo(1.0);
        assertThat(EModel.mosFromRating(-5)).isEqualTo(1.0);
        assertThat(EModel.mosFromRating(100)).isEqualTo(4.5);
        assertThat(EModel.mosFromRating(120)).isEqualTo(4.5);
        assertThat(EModel.mosFromRating(50)).isBetween(1.0, 4.5);
    }

    @Test
    void rejectsInputsOutsideTheModel() {
        assertThatThrownBy(() -> OPUS.rating(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OPUS.rating(0, 101, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OPUS.rating(0, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OPUS.rating(0, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EModel(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EModel.mosFromRating(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.fuzz.FuzzInputs;
import org.junit.jupiter.api.Test;

/**
 * BBR and NewReno through a simulated 100 Mbit/s bottleneck with 50 ms RTT and a one-BDP
 * drop-tail queue, for 30 simulated seconds. Margins are wide: these check the model, not timings.
 */
class BottleneckSimulationTest {

    private static final long RATE = 100_000_000L;
    private static final long ONE_WAY = 25_000_000L;
    private static final long RTT = 2 * ONE_WAY;
    private static final long BDP_BYTES = RATE / 8 * RTT / 1_000_000_000L;
    private static final long DURATION = 30_000_000_000L;

    private static BottleneckSimulation.Path path(double loss) {
        return new BottleneckSimulation.Path(RATE, ONE_WAY, BDP_BYTES, loss);
    }

    private static BottleneckSimulation.Result bbr(double loss, String name) {
        FuzzInputs inputs = new FuzzInputs(name);
        return BottleneckSimulation.run(path(loss),
                rtt -> new BbrController(BottleneckSimulation.PACKET_BYTES, inputs.random().split()),
                DURATION, inputs.random());
    }

    private static BottleneckSimulation.Result newReno(double loss, String name) {
        return BottleneckSimulation.run(path(loss),
                rtt -> new NewRenoController(BottleneckSimulation.PACKET_BYTES, rtt),
                DURATION, new FuzzInputs(name).random());
    }

    @Test
    void bbrFillsACleanLinkWithoutAStandingQueue() {
        BottleneckSimulation.Result r = bbr(0, "bbr-clean");
        report("BBR, 0% loss", r);
        assertThat(r.linkShare(path(0))).isGreaterThanOrEqualTo(0.90);
        assertThat(r.meanQueueingDelayNanos()).isLessThan(RTT);
    }

    @Test
    void bbrKeepsItsRateUnderOnePercentRandomLoss() {
        BottleneckSimulation.Result r = bbr(0.01, "bbr-lossy");
        report("BBR, 1% loss", r);
        assertThat(r.randomDrops()).isPositive();
        assertThat(r.linkShare(path(0.01))).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void newRenoCollapsesUnderRandomLossWhereBbrDoesNot() {
        BottleneckSimulation.Result reno = newReno(0.01, "reno-lossy");
        BottleneckSimulation.Result bbr = bbr(0.01, "bbr-lossy");
        report("NewReno, 1% loss", reno);
        report("NewReno, 0% loss", newReno(0, "reno-clean"));
        assertThat(bbr.goodputBitsPerSecond()).isGreaterThan(3 * reno.goodputBitsPerSecond());
    }

    private static void report(String what, BottleneckSimulation.Result r) {
        System.out.printf("%s: goodput %.1f Mbit/s, mean queueing delay %.1f ms, sent %d, random drops %d, "
                        + "queue drops %d, declared lost %d%n",
                what, r.goodputBitsPerSecond() / 1e6, r.meanQueueingDelayNanos() / 1e6, r.packetsSent(),
                r.randomDrops(), r.queueDrops(), r.declaredLost());
    }
}

package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The PLPMTUD state machine on its own, fed as a session would feed it: packets sent, acknowledged
 * and lost over a path that carries datagrams up to a given size.
 */
class PmtuProberTest {

    private static final int BASE = 1200;
    private static final int MAX = 1452;
    private static final long RAISE = 600_000_000_000L;

    private final SessionCounters counters = new SessionCounters();
    private final PmtuProber prober = new PmtuProber(BASE, MAX, RAISE, counters);
    private long pn;
    private long now;

    private long send(int bytes) {
        prober.onPacketSent(pn, bytes);
        return pn++;
    }

    /** Sends a packet of the current PMTU and has it acknowledged: confirms the base in state BASE. */
    private void confirmCurrent() {
        long p = send(prober.pmtu());
        prober.onAcked(p, prober.pmtu(), now);
    }

    /** Sends each probe that falls due over a path carrying up to {@code pathMtu}; acknowledges or loses it. */
    private int search(int pathMtu) {
        int probes = 0;
        for (int size = prober.probeSizeDue(now); size > 0; size = prober.probeSizeDue(now)) {
            long p = send(size);
            assertThat(prober.isProbe(p)).isTrue();
            now += 1_000_000;
            if (size <= pathMtu) {
                prober.onAcked(p, size, now);
            } else {
                assertThat(prober.onLost(p, size, now)).isTrue();
            }
            probes++;
            assertThat(probes).isLessThan(100);
        }
        return probes;
    }

    @Test
    void aCeilingEqualToTheBaseDisablesDiscovery() {
        PmtuProber off = new PmtuProber(BASE, BASE, RAISE, counters);
        off.onPacketSent(0, BASE);
        off.onAcked(0, BASE, 0);
        assertThat(off.state()).isEqualTo(PmtuProber.State.DISABLED);
        assertThat(off.probeSizeDue(0)).isZero();
        assertThat(off.pmtu()).isEqualTo(BASE);
    }

    @Test
    void noProbeGoesOutBeforeAnAckConfirmsTheBase() {
        assertThat(prober.state()).isEqualTo(PmtuProber.State.BASE);
        long first = send(BASE);
        assertThat(prober.probeSizeDue(now)).isZero();
        prober.onAcked(first, BASE, now);
        assertThat(prober.state()).isEqualTo(PmtuProber.State.SEARCHING);
        assertThat(prober.probeSizeDue(now)).isEqualTo(MAX);
        send(MAX);
        assertThat(prober.probeSizeDue(now)).as("one probe at a time").isZero();
        assertThat(prober.probeWaiting()).isFalse();
    }

    @Test
    void aPathCarryingTheCeilingIsConfirmedByOneProbe() {
        confirmCurrent();
        assertThat(search(1500)).isEqualTo(1);
        assertThat(prober.pmtu()).isEqualTo(MAX);
        assertThat(prober.state()).isEqualTo(PmtuProber.State.SEARCH_COMPLETE);
        assertThat(prober.raiseAtNanos()).as("nothing above the ceiling to look for").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theSearchConvergesBelowThePathMtuWithinTheGranularityAndEachFailedSizeTakesMaxProbes() {
        confirmCurrent();
        int probes = search(1400);
        assertThat(prober.pmtu()).isBetween(1400 - LifecycleConstants.SEARCH_GRANULARITY_BYTES + 1, 1400);
        assertThat(prober.state()).isEqualTo(PmtuProber.State.SEARCH_COMPLETE);
        // 1452, 1420 and 1404 fail (three probes each); 1326, 1389 and 1396 are acknowledged.
        assertThat(counters.pmtuProbesLost()).isEqualTo(3L * LifecycleConstants.MAX_PROBES);
        assertThat(counters.pmtuProbesSent()).isEqualTo(probes).isEqualTo(12);
        assertThat(prober.pmtu()).isEqualTo(1396);
        assertThat(counters.pmtuBlackHoles()).isZero();
    }

    @Test
    void aProbeLostOnceAndThenAcknowledgedConfirmsItsSize() {
        confirmCurrent();
        long p = send(prober.probeSizeDue(now));
        prober.onLost(p, MAX, now);
        assertThat(prober.probeSizeDue(now)).isEqualTo(MAX);
        long again = send(MAX);
        prober.onAcked(again, MAX, now);
        assertThat(prober.pmtu()).isEqualTo(MAX);
    }

    @Test
    void afterTheRaiseIntervalASearchLooksAboveThePmtuAgain() {
        confirmCurrent();
        search(1300);
        int found = prober.pmtu();
        assertThat(found).isBetween(1293, 1300);
        assertThat(prober.raiseAtNanos()).isEqualTo(now + RAISE);
        assertThat(prober.probeSizeDue(now + RAISE - 1)).isZero();
        now += RAISE;
        assertThat(prober.probeSizeDue(now)).isEqualTo(MAX);
        search(1500); // the path grew
        assertThat(prober.pmtu()).isEqualTo(MAX);
    }

    @Test
    void largePacketsLostWhileNoneIsAcknowledgedAreABlackHoleAndTheSearchStartsAgainFromTheBase() {
        confirmCurrent();
        search(1500);
        long acked = send(MAX);
        prober.onAcked(acked, MAX, now);
        long[] lost = {send(MAX), send(MAX), send(MAX)};
        long small = send(300);
        prober.onAcked(small, 300, now); // small packets still get through
        prober.onLost(lost[0], MAX, now);
        prober.onLost(lost[1], MAX, now);
        assertThat(prober.pmtu()).isEqualTo(MAX);
        prober.onLost(lost[2], MAX, now);
        assertThat(prober.pmtu()).isEqualTo(BASE);
        assertThat(prober.state()).isEqualTo(PmtuProber.State.BASE);
        assertThat(counters.pmtuBlackHoles()).isEqualTo(1);

        // Packets sent before the fall-back are lost too; that says nothing about the base.
        long stale = send(MAX); // (in flight before; numbered here for the test)
        assertThat(prober.probeSizeDue(now)).isZero();
        confirmCurrent(); // a base-sized packet sent after the fall-back is acknowledged
        assertThat(prober.state()).isEqualTo(PmtuProber.State.SEARCHING);
        search(1350);
        assertThat(prober.pmtu()).isBetween(1343, 1350);
        prober.onLost(stale, MAX, now);
        assertThat(counters.pmtuBlackHoles()).isEqualTo(1);
    }

    @Test
    void randomLossIsNoBlackHole() {
        confirmCurrent();
        search(1500);
        for (int round = 0; round < 100; round++) {
            long a = send(MAX);
            long b = send(MAX);
            long c = send(MAX);
            prober.onLost(a, MAX, now);
            prober.onLost(b, MAX, now);
            prober.onAcked(c, MAX, now); // later large packets keep getting through
        }
        // Losses of packets older than the newest acknowledged large one are not signs at all.
        long old1 = send(MAX);
        long old2 = send(MAX);
        long old3 = send(MAX);
        long newer = send(MAX);
        prober.onAcked(newer, MAX, now);
        prober.onLost(old1, MAX, now);
        prober.onLost(old2, MAX, now);
        prober.onLost(old3, MAX, now);
        assertThat(prober.pmtu()).isEqualTo(MAX);
        assertThat(counters.pmtuBlackHoles()).isZero();
    }

    @Test
    void probeTimeoutsWithALargePacketOutstandingAreSignsButWithOnlyAProbeOutstandingAreNot() {
        confirmCurrent();
        search(1400);
        int pmtu = prober.pmtu();
        now += RAISE;
        long probe = send(prober.probeSizeDue(now)); // only the probe is out
        for (int i = 0; i < 5; i++) {
            prober.onProbeTimeout();
        }
        assertThat(prober.pmtu()).isEqualTo(pmtu);
        prober.onLost(probe, MAX, now);
        send(pmtu); // a full-size stream packet into a path that no longer carries it
        prober.onProbeTimeout();
        prober.onProbeTimeout();
        assertThat(prober.pmtu()).isEqualTo(pmtu);
        prober.onProbeTimeout();
        assertThat(prober.pmtu()).isEqualTo(BASE);
    }

    @Test
    void lostProbesAreNeverSignsOfABlackHole() {
        confirmCurrent();
        search(1300);
        now += RAISE;
        search(1300); // the raise search loses probes above 1300 again
        assertThat(counters.pmtuProbesLost()).isGreaterThanOrEqualTo(2L * 3 * LifecycleConstants.MAX_PROBES);
        assertThat(counters.pmtuBlackHoles()).isZero();
        assertThat(prober.pmtu()).isBetween(1293, 1300);
    }

    @Test
    void aNewPathStartsAgainAtTheBase() {
        confirmCurrent();
        search(1500);
        prober.onPathChanged();
        assertThat(prober.pmtu()).isEqualTo(BASE);
        assertThat(prober.state()).isEqualTo(PmtuProber.State.BASE);
        assertThat(counters.pmtuBlackHoles()).isZero();
        confirmCurrent();
        search(1280);
        assertThat(prober.pmtu()).isBetween(1273, 1280);
    }
}

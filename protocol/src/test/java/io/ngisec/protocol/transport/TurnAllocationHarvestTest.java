package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When an allocation is refreshed; the rest of the harvest is exercised against coturn by NatTraversalTest. */
class TurnAllocationHarvestTest {

    @Test
    void anAllocationIsRefreshedAMinuteBeforeItsLifetimeEnds() {
        assertThat(TurnAllocationHarvest.refreshIntervalMillis(600)).isEqualTo(540_000);
        assertThat(TurnAllocationHarvest.refreshIntervalMillis(3600)).isEqualTo(3_540_000);
    }

    @Test
    void aShortLifetimeIsRefreshedHalfwayAndNeverInLessThanASecond() {
        assertThat(TurnAllocationHarvest.refreshIntervalMillis(90)).isEqualTo(45_000);
        assertThat(TurnAllocationHarvest.refreshIntervalMillis(1)).isEqualTo(1_000);
    }
}

package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounded transaction-id set behind "retry a 438 once" and "ignore a timeout after an answer". */
class RecentTransactionIdsTest {

    private final RecentTransactionIds ids = new RecentTransactionIds();

    @Test
    void anIdIsForgottenOnce() {
        ids.remember(id(2));

        assertThat(ids.forget(id(1))).as("never remembered").isFalse();
        assertThat(ids.forget(id(2))).isTrue();
        assertThat(ids.forget(id(2))).as("already forgotten").isFalse();
    }

    @Test
    void onlyTheLatestAreRemembered() {
        for (int i = 0; i <= RecentTransactionIds.REMEMBERED; i++) {
            ids.remember(id(i));
        }
        assertThat(ids.forget(id(0))).as("the oldest, dropped").isFalse();
        assertThat(ids.forget(id(1))).isTrue();
        assertThat(ids.forget(id(RecentTransactionIds.REMEMBERED))).isTrue();
    }

    private static byte[] id(int n) {
        byte[] id = new byte[12];
        id[10] = (byte) (n >>> 8);
        id[11] = (byte) n;
        return id;
    }
}

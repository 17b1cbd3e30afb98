package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A request answered 438 is retried with the new nonce once; the retry, answered 438 again, is not. */
class StaleNonceRetriesTest {

    private final StaleNonceRetries retries = new StaleNonceRetries();

    @Test
    void anOriginalRequestMayBeRetriedItsRetryMayNot() {
        byte[] original = id(1);
        byte[] retry = id(2);

        assertThat(retries.mayRetry(original)).isTrue();
        retries.sent(retry);
        assertThat(retries.mayRetry(retry)).isFalse();
        // Forgotten once refused: the next request with that id (none in practice) starts afresh.
        assertThat(retries.mayRetry(retry)).isTrue();
    }

    @Test
    void onlyTheLatestRetriesAreRemembered() {
        for (int i = 0; i <= StaleNonceRetries.REMEMBERED; i++) {
            retries.sent(id(i));
        }
        assertThat(retries.mayRetry(id(0))).as("the oldest, forgotten").isTrue();
        assertThat(retries.mayRetry(id(1))).isFalse();
        assertThat(retries.mayRetry(id(StaleNonceRetries.REMEMBERED))).isFalse();
    }

    private static byte[] id(int n) {
        byte[] id = new byte[12];
        id[10] = (byte) (n >>> 8);
        id[11] = (byte) n;
        return id;
    }
}

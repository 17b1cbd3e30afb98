package io.ngisec.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessOwnerTest {

    @Test
    void thisProcessIsAliveAndGoneOrMalformedOwnersAreNot() throws Exception {
        assertThat(ProcessOwner.isAlive(ProcessOwner.CURRENT)).isTrue();
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(ProcessOwner.isAlive(p.pid() + ":1")).isFalse();
        long pid = ProcessHandle.current().pid();
        // Same pid, another start time: a different process that reused the number.
        assertThat(ProcessOwner.isAlive(pid + ":12345")).isFalse();
        assertThat(ProcessOwner.isAlive(null)).isFalse();
        assertThat(ProcessOwner.isAlive("")).isFalse();
        assertThat(ProcessOwner.isAlive("x:y")).isFalse();
    }
}

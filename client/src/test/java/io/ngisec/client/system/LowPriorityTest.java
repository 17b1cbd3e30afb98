package io.ngisec.client.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LowPriorityTest {

    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void runsTheWorkOnAThreadTheKernelSchedulesAtNiceTen() throws Exception {
        assumeTrue(Files.isReadable(THREAD_STAT), "no /proc/thread-self (not Linux): the nice value cannot be read");
        int before = niceOfThisThread();
        int inside = LowPriority.call("test-low", LowPriorityTest::niceOfThisThread);
        assertThat(inside).isEqualTo(Math.min(19, before + LowPriority.NICE));
        assertThat(niceOfThisThread()).as("the caller's own priority is untouched").isEqualTo(before);
    }

    @Test
    void returnsTheResultAndRethrowsTheWorksOwnException() throws Exception {
        assertThat(LowPriority.call("test-low", () -> Thread.currentThread().getName())).isEqualTo("test-low");
        assertThatThrownBy(() -> LowPriority.call("test-low", () -> {
            throw new IOException("disk gone");
        })).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    /** Field 19 of the calling thread's stat line (after the parenthesised command, which may hold spaces). */
    private static int niceOfThisThread() throws IOException {
        String stat = Files.readString(THREAD_STAT);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}

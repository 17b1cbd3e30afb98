package io.ngisec.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ngisec demo --headless} end to end in this JVM: a real policy server and echo contact as
 * child processes (the server from the test class path, as the launcher hands in server/'s), the
 * demo user in process; what it prints, and that it leaves no process and no folder behind.
 */
class DemoHeadlessTest {

    private static final Pattern FOLDER = Pattern.compile("everything runs on loopback in (\\S+) \\(removed afterwards\\)");

    @Test
    void runsTheCallTheTransferAndTheChatWithTheEchoAndCleansUp() throws Exception {
        System.setProperty(DemoMain.SERVER_CLASSPATH, System.getProperty("java.class.path"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int code = new DemoMain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("--headless"));
        double seconds = (System.nanoTime() - started) / 1e9;
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        System.out.printf("headless demo: %.1f s%n", seconds);

        assertThat(code).as("stdout:%n%s%nstderr:%n%s", printed, err).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(printed).containsPattern("call: connected direct \\(host\\), class VOICE \\(DSCP 46\\), MOS [0-4]\\.\\d\\d, RTT")
                .contains("greeting, beep and your own tone heard back")
                .containsPattern("\\d+ s  path direct \\(host\\) +class VOICE \\(DSCP 46\\)  RTT .* MOS [0-4]\\.\\d\\d  hearing speech")
                .containsPattern("hearing your tone, echoed back")
                .containsPattern("file: 8 MiB in [\\d.]+ s \\(\\d+ Mbit/s\\), class BULK, verified bit-exact")
                .contains("chat: reply \"echo: " + HeadlessScenario.CHAT_TEXT + "\"");

        Matcher folder = FOLDER.matcher(printed);
        assertThat(folder.find()).as(printed).isTrue();
        assertThat(Files.exists(Path.of(folder.group(1)))).as("the demo's folder is removed").isFalse();
        // Every process the demo starts names its folder (a home, the server's home) on its command line.
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(line -> line.contains(folder.group(1))))
                .as("processes the demo left running").isEmpty();
    }

    @Test
    void refusesAnUnknownOptionInOneLineWithoutStartingAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DemoMain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("--headles"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("demo: unknown option --headles; " + DemoArgs.USAGE + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

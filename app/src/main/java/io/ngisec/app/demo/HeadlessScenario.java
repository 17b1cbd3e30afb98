package io.ngisec.app.demo;

import io.ngisec.client.audio.ToneSource;
import io.ngisec.client.call.Call;
import io.ngisec.client.call.CallEnd;
import io.ngisec.client.call.CallException;
import io.ngisec.client.call.CallStats;
import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.chat.ChatException;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.chat.ChatState;
import io.ngisec.client.echo.EchoPrelude;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.transfer.Transfer;
import io.ngisec.client.transfer.TransferException;
import io.ngisec.client.transfer.TransferState;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The headless demo's scenario with the echo contact, over one session: a call (a tone goes in;
 * the greeting, the beep and the tone echoed come back) with its quality each second, a file
 * transfer checked bit for bit in the echo's folder, and a chat round trip. Prints as it goes;
 * the first thing that does not work ends it with a {@link DemoFailure}.
 */
final class HeadlessScenario {

    /** Long enough for the greeting and beep (about 6 s) and three seconds of echo. */
    static final Duration CALL = Duration.ofSeconds(10);
    static final double OWN_TONE_HZ = 440;
    static final long FILE_BYTES = 8L << 20;
    static final String CHAT_TEXT = "hello from the NGISec demo";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final DemoPeer you;
    private final DemoOrg org;
    private final HeardAudio heard;

    HeadlessScenario(PrintStream out, DemoPeer you, DemoOrg org, HeardAudio heard) {
        this.out = out;
        this.you = you;
        this.org = org;
        this.heard = heard;
    }

    /** The meter for the demo's calls: hears the demo's own tone and the echo's beep. */
    static HeardAudio meter() {
        return new HeardAudio(OWN_TONE_HZ, EchoPrelude.TONE_HZ);
    }

    /** Runs the call, the transfer and the chat with the echo contact; returns the summary lines. */
    List<String> run(PeerLink link) throws DemoFailure, InterruptedException {
        String call = call(link);
        String file = transfer(link);
        String chat = chat(link);
        return List.of(call, file, chat);
    }

    private String call(PeerLink link) throws DemoFailure, InterruptedException {
        out.println();
        out.println("Calling echo for " + CALL.toSeconds() + " s (a " + (int) OWN_TONE_HZ + " Hz tone as your microphone):");
        Call call;
        try {
            call = you.peer().calls().dial(link);
        } catch (CallException e) {
            throw new DemoFailure("call: " + e.getMessage(), e);
        }
        if (!call.awaitActive(WAIT)) {
            throw new DemoFailure("call: " + call.end().map(CallEnd::message).orElse("not answered within " + WAIT.toSeconds() + " s"));
        }
        CallStats[] last = new CallStats[1];
        AutoCloseable printing = call.subscribe(Duration.ofSeconds(1), stats -> {
            last[0] = stats;
            out.println(callLine(stats, heard));
        });
        try {
            Thread.sleep(CALL.toMillis());
        } finally {
            try {
                printing.close();
            } catch (Exception e) {
                // Only stops the printing.
            }
        }
        call.hangUp();
        call.awaitEnd(WAIT);
        CallStats stats = call.stats().orElse(last[0]);
        if (stats == null || stats.framesReceived() == 0) {
            throw new DemoFailure("call: nothing was heard from echo");
        }
        if (!heard.heardOwnTone()) {
            throw new DemoFailure("call: the echo did not send your tone back");
        }
        return String.format(Locale.ROOT, "call: connected %s, class %s (DSCP %d), MOS %.2f, RTT %.1f ms; greeting, beep and your own tone heard back",
                pathLabel(stats.path()), stats.qosClass(), stats.dscp(), stats.mos(), Math.max(0, stats.rttMillis()));
    }

    static String callLine(CallStats s, HeardAudio heard) {
        return String.format(Locale.ROOT, "  %2d s  path %-14s class %s (DSCP %d)  RTT %5.1f ms  jitter %4.1f ms  loss %4.1f %%  MOS %.2f  hearing %s (%.0f dBFS)",
                Math.round(s.durationMillis() / 1000.0), pathLabel(s.path()), s.qosClass(), s.dscp(), Math.max(0, s.rttMillis()),
                s.jitterMillis(), 100 * s.lossAfterRecovery(), s.mos(), heard.last().label(), heard.lastDbfs());
    }

    /** The ICE candidate type as the app words it. */
    static String pathLabel(String candidateType) {
        return switch (candidateType) {
            case "host" -> "direct (host)";
            case "srflx", "prflx" -> "direct (NAT)";
            case "relay" -> "relayed (TURN)";
            default -> candidateType;
        };
    }

    private String transfer(PeerLink link) throws DemoFailure, InterruptedException {
        out.println();
        QosClass fileClass = link.grants().ceiling(Service.FILE).orElse(QosClass.BULK);
        Path file = org.dir().resolve("demo-8MiB.bin");
        String sha = writeRandom(file, FILE_BYTES);
        out.printf(Locale.ROOT, "Sending %s (%d MiB of random bytes) to echo, class %s (DSCP %d):%n", file.getFileName(),
                FILE_BYTES >> 20, fileClass, fileClass.dscp());
        long started = System.nanoTime();
        Transfer transfer;
        try {
            transfer = you.peer().transfers().send(link, List.of(file));
        } catch (TransferException e) {
            throw new DemoFailure("file: " + e.getMessage(), e);
        }
        TransferState state = transfer.awaitEnd(Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (state != TransferState.COMPLETED) {
            throw new DemoFailure("file: " + state.name().toLowerCase(Locale.ROOT) + (transfer.reason() == null ? "" : ": " + transfer.reason()));
        }
        Path arrived = org.echoInbox().resolve(file.getFileName());
        if (!Files.exists(arrived) || !sha.equals(sha256(arrived))) {
            throw new DemoFailure("file: " + arrived + " is not the file sent");
        }
        double mbits = FILE_BYTES * 8 / seconds / 1e6;
        out.printf(Locale.ROOT, "  completed in %.2f s (%.0f Mbit/s); echo verified each chunk's and the file's SHA-256; %s is bit-exact%n",
                seconds, mbits, arrived);
        return String.format(Locale.ROOT, "file: %d MiB in %.2f s (%.0f Mbit/s), class %s, verified bit-exact", FILE_BYTES >> 20,
                seconds, mbits, fileClass);
    }

    private String chat(PeerLink link) throws DemoFailure, InterruptedException {
        out.println();
        out.println("Chat: you: " + CHAT_TEXT);
        CompletableFuture<ChatMessage> reply = you.nextChat();
        long started = System.nanoTime();
        try {
            ChatMessage delivered = you.peer().chat().send(link, CHAT_TEXT).outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (delivered.state() != ChatState.DELIVERED) {
                throw new DemoFailure("chat: not delivered to echo");
            }
            ChatMessage answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            double ms = (System.nanoTime() - started) / 1e6;
            out.printf(Locale.ROOT, "      echo: %s   (delivered and answered in %.0f ms)%n", answer.text(), ms);
            return String.format(Locale.ROOT, "chat: reply \"%s\" in %.0f ms", answer.text(), ms);
        } catch (ChatException | ExecutionException e) {
            throw new DemoFailure("chat: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new DemoFailure("chat: no reply from echo within " + WAIT.toSeconds() + " s", e);
        }
    }

    /** Starts the demo's call media: the tone in, {@code heard} out. */
    static VoiceMedia media(PeerLink link, String callId, HeardAudio heard) {
        return VoiceMedia.start(link, callId, ToneSource.of(OWN_TONE_HZ), heard, VoiceMedia.Options.defaults());
    }

    private static String writeRandom(Path file, long bytes) throws DemoFailure {
        SplittableRandom random = new SplittableRandom();
        byte[] block = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += block.length) {
                random.nextBytes(block);
                o.write(block, 0, (int) Math.min(block.length, bytes - done));
            }
        } catch (IOException e) {
            throw new DemoFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
        return sha256(file);
    }

    private static String sha256(Path file) throws DemoFailure {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 16];
            for (int n; (n = in.read(block)) > 0; ) {
                digest.update(block, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DemoFailure("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

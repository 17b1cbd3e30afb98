package io.ngisec.client.cli;

import io.ngisec.client.call.Call;
import io.ngisec.client.call.CallEnd;
import io.ngisec.client.call.CallException;
import io.ngisec.client.call.CallManager;
import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.call.VoiceMediaStarter;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.protocol.qos.Service;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngisec call}: calls a colleague, shows the call's quality live, and hangs up when told to. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Call a colleague who is online. Ends after --duration, when --in FILE.wav has been played, "
                + "when they hang up, or on Ctrl-C.")
public final class CallCommand implements Callable<Integer> {

    /** After a WAV input ends, the call stays up this long so its tail is heard. */
    private static final Duration TAIL = Duration.ofMillis(600);
    /** How long Ctrl-C waits for the command to print the end and close the session before the JVM stops. */
    private static final Duration SIGNAL_GRACE = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Mixin
    private AudioOptions audio;

    @Option(names = "--to", required = true, paramLabel = "USER", description = "Whom to call.")
    private String to;

    @Option(names = "--duration", paramLabel = "S", converter = DurationOption.class,
            description = "Hang up after this long in the call, e.g. 30s or 2m.")
    private Duration duration;

    @Option(names = "--json", description = "Print events and statistics as JSON lines.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (duration != null && duration.isZero()) {
            throw new UsageException("--duration must be longer than 0, e.g. 30s");
        }
        PrintWriter out = spec.commandLine().getOut();
        VoiceMediaStarter media = audio.starter();
        VoiceMedia.warmUp();
        CallPrinter printer = new CallPrinter(out, json);
        CountDownLatch finished = new CountDownLatch(1);
        try {
            return call(out, media, printer, finished);
        } finally {
            finished.countDown();
        }
    }

    /** The call itself; {@code finished} is counted down once it has returned and closed the peer. */
    private int call(PrintWriter out, VoiceMediaStarter media, CallPrinter printer, CountDownLatch finished) throws Exception {
        try (PeerHome home = homeOptions.open();
                OnlinePeer peer = PeerStarter.start(home, new OnlinePeer.Options(PeerStarter.sessionSettings(),
                        OfferDecider.declineAll("not accepting files"), false, TransferListener.NONE, ChatListener.NONE,
                        notice -> { }, media, printer))) {
            DirectoryEntry device = PeerStarter.device(peer, to, "; calls need both of you online");
            // Everything the policy allows with them, so transfers during the call share its session.
            Set<Service> services = EnumSet.noneOf(Service.class);
            services.addAll(device.services().keySet());
            services.remove(Service.CONTROL);
            if (!services.contains(Service.CALL)) {
                // The directory says no; the server says which rule, which is what an admin needs to hear.
                Optional<String> denial = peer.policyDenial(device.deviceId(), Service.CALL);
                if (denial.isPresent()) {
                    throw new CommandFailure("the policy does not allow calls with " + to + ": " + denial.get());
                }
                services.add(Service.CALL); // allowed since the directory was read
            }
            PeerLink link = PeerStarter.connect(peer, device, services);
            Call call;
            try {
                call = peer.calls().dial(link);
            } catch (CallException e) {
                throw new CommandFailure(e.getMessage());
            }
            Thread hook = Thread.ofPlatform().unstarted(() -> hangUpOnSignal(call, finished));
            Runtime.getRuntime().addShutdownHook(hook);
            if (!json) {
                out.println("calling " + to + "/" + link.peer().deviceName() + " ...");
                out.flush();
            }
            boolean answered = call.awaitActive(CallManager.RING_TIMEOUT.plusSeconds(10));
            Optional<String> failure = Optional.empty();
            if (answered) {
                failure = talk(call, media, printer);
            } else {
                call.hangUp();
            }
            CallEnd end = call.awaitEnd(Duration.ofSeconds(10)).orElseThrow(
                    () -> new CommandFailure("the call did not end cleanly"));
            removeHook(hook);
            if (failure.isPresent()) {
                throw new CommandFailure("audio failed during the call: " + failure.get());
            }
            return switch (end.reason()) {
                case HUNG_UP -> ExitCodes.OK;
                default -> throw new CommandFailure(end.message());
            };
        }
    }

    /**
     * Ctrl-C or SIGTERM: hangs up, then waits for the command to print the end and close the
     * session, which carries the hang-up to the peer, before letting the JVM stop. The exit code
     * stays the signal's (130 for Ctrl-C, 143 for SIGTERM), as for any command a signal ends.
     */
    private static void hangUpOnSignal(Call call, CountDownLatch finished) {
        call.hangUp();
        try {
            finished.await(SIGNAL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // A signal came: the hook runs and waits for this command to finish.
        }
    }

    /**
     * Shows statistics each second until the call should end, then hangs up (unless the peer did);
     * returns why the audio failed, if it did.
     */
    private Optional<String> talk(Call call, VoiceMediaStarter media, CallPrinter printer) throws InterruptedException {
        long started = System.nanoTime();
        Optional<Long> sourceEndedAt = Optional.empty();
        while (call.awaitEnd(Duration.ofSeconds(1)).isEmpty()) {
            call.stats().ifPresent(s -> printer.stats(call, s));
            Optional<VoiceMedia> voice = media.latest();
            if (voice.isPresent() && voice.get().failed().isDone()) {
                call.hangUp();
                return Optional.of(voice.get().failed().join());
            }
            if (duration != null) {
                if (System.nanoTime() - started >= duration.toNanos()) {
                    break;
                }
            } else if (voice.isPresent() && voice.get().sourceEnded().isDone()) {
                sourceEndedAt = sourceEndedAt.or(() -> Optional.of(System.nanoTime()));
                if (System.nanoTime() - sourceEndedAt.get() >= TAIL.toNanos()) {
                    break;
                }
            }
        }
        call.hangUp();
        return Optional.empty();
    }
}

package io.ngisec.client.cli;

import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.Transfer;
import io.ngisec.client.transfer.TransferException;
import io.ngisec.client.transfer.TransferState;
import io.ngisec.protocol.qos.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ngisec send}: offers files and folders to a colleague and sends them once accepted. When
 * the session breaks (the receiver restarts, the network changes for longer than a path migration
 * covers) it reconnects and offers again; the receiver then asks only for the chunks it has not
 * verified yet.
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Send files and folders to a colleague.")
public final class SendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Option(names = "--to", required = true, paramLabel = "USER", description = "Whom to send to.")
    private String to;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files and folders to send.")
    private List<Path> files;

    @Option(names = "--retry-for", paramLabel = "DURATION", defaultValue = "5m", converter = DurationOption.class,
            description = "How long to keep reconnecting after the session breaks (default: ${DEFAULT-VALUE}).")
    private Duration retryFor;

    @Option(names = "--json", description = "Print events as JSON lines.")
    private boolean json;

    private volatile boolean transferRunning;

    @Override
    public Integer call() throws Exception {
        List<Path> paths = checkedPaths();
        TransferPrinter printer = new TransferPrinter(spec.commandLine().getOut(), json, System.console() != null);
        try (PeerHome home = homeOptions.open();
                OnlinePeer peer = PeerStarter.start(home, new OnlinePeer.Options(PeerStarter.sessionSettings(),
                        OfferDecider.declineAll("this device is sending, not receiving"), false, printer,
                        ChatListener.NONE, notice -> { }))) {
            Transfer transfer = offer(peer, paths);
            // Ctrl-C: the verified chunks are on the receiver's disk; say how to carry on.
            Thread hint = Thread.ofPlatform().unstarted(() -> {
                if (transferRunning) {
                    spec.commandLine().getErr().println("ngisec: interrupted; run the same command again to resume");
                    spec.commandLine().getErr().flush();
                }
            });
            Runtime.getRuntime().addShutdownHook(hint);
            transferRunning = true;
            try {
                while (true) {
                    TransferState state = transfer.awaitEnd(Duration.ofDays(365));
                    switch (state) {
                        case COMPLETED -> {
                            return ExitCodes.OK;
                        }
                        case INTERRUPTED -> transfer = reoffer(peer, paths, System.nanoTime() + retryFor.toNanos(),
                                transfer.reason());
                        default -> throw new CommandFailure("transfer " + state.name().toLowerCase(Locale.ROOT) + ": "
                                + transfer.reason());
                    }
                }
            } finally {
                transferRunning = false;
            }
        }
    }

    private Transfer offer(OnlinePeer peer, List<Path> paths) throws Exception {
        PeerLink link = PeerStarter.connect(peer, PeerStarter.device(peer, to), Set.of(Service.FILE));
        try {
            return peer.transfers().send(link, paths);
        } catch (TransferException e) {
            link.close();
            throw new CommandFailure(e.getMessage());
        }
    }

    /** Reconnects until the offer is out again or {@code deadline} passes. */
    private Transfer reoffer(OnlinePeer peer, List<Path> paths, long deadline, String why) throws Exception {
        String last = why;
        if (!json) {
            spec.commandLine().getOut().println("session with " + to + " lost (" + why + "); reconnecting...");
            spec.commandLine().getOut().flush();
        }
        while (System.nanoTime() < deadline) {
            try {
                return offer(peer, paths);
            } catch (CommandFailure e) {
                last = e.getMessage();
            }
            Thread.sleep(1000);
        }
        throw new CommandFailure("gave up after " + retryFor.toSeconds() + " s: " + last
                + " (run the same command again to resume)");
    }

    private List<Path> checkedPaths() {
        List<Path> checked = new ArrayList<>();
        for (Path p : files) {
            if (!Files.exists(p)) {
                throw new UsageException("no such file or folder: " + p);
            }
            if (!Files.isReadable(p)) {
                throw new UsageException("cannot read " + p + " (permission denied)");
            }
            checked.add(p.toAbsolutePath().normalize());
        }
        return checked;
    }
}

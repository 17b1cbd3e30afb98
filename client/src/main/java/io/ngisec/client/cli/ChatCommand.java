package io.ngisec.client.cli;

import io.ngisec.client.chat.ChatDirection;
import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatException;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.chat.ChatState;
import io.ngisec.client.chat.SentChat;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.protocol.qos.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ngisec chat}: sends one message to an online colleague and waits for its delivery receipt. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Send a chat message to a colleague who is online (waits until it is delivered), or show the history.")
public final class ChatCommand implements Callable<Integer> {

    private static final long RECEIPT_TIMEOUT_SECONDS = 15;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Option(names = "--to", required = true, paramLabel = "USER", description = "Whom to write to.")
    private String to;

    @Parameters(arity = "0..*", paramLabel = "MESSAGE", description = "The message (words are joined with spaces).")
    private List<String> words = List.of();

    @Option(names = "--history", paramLabel = "N", description = "Show the last N messages with USER instead of sending.")
    private Integer history;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    /** The stored conversation with {@code to}, oldest first; needs no server. */
    private int showHistory() throws Exception {
        try (PeerHome home = homeOptions.open()) {
            HomeOptions.enrolled(home);
            List<ChatMessage> messages = new ChatEngine(home.database(), ChatListener.NONE).history(to, history);
            for (ChatMessage m : messages) {
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", m.id().toString());
                    o.put("direction", m.direction().name());
                    o.put("peer", m.peerUser());
                    o.put("text", m.text());
                    o.put("at", m.at().toString());
                    o.put("state", m.state().name());
                    spec.commandLine().getOut().println(Json.line(o));
                } else {
                    String who = m.direction() == ChatDirection.OUTGOING ? "me" : m.peerUser();
                    String state = m.direction() == ChatDirection.OUTGOING ? " [" + m.state().name().toLowerCase(java.util.Locale.ROOT) + "]" : "";
                    spec.commandLine().getOut().println(m.at() + " " + who + ": " + m.text() + state);
                }
            }
            if (messages.isEmpty() && !json) {
                spec.commandLine().getOut().println("no messages with " + to);
            }
            return ExitCodes.OK;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (history != null) {
            if (!words.isEmpty() || history < 1) {
                throw new UsageException("--history takes a count of at least 1 and no message");
            }
            return showHistory();
        }
        String text = String.join(" ", words);
        if (text.isBlank()) {
            throw new UsageException("the message is empty");
        }
        try (PeerHome home = homeOptions.open();
                OnlinePeer peer = PeerStarter.start(home, new OnlinePeer.Options(PeerStarter.sessionSettings(),
                        OfferDecider.declineAll("not accepting files"), true, TransferListener.NONE,
                        ChatListener.NONE, notice -> { }))) {
            DirectoryEntry device = PeerStarter.device(peer, to, "; chat needs both of you online");
            PeerLink link = PeerStarter.connect(peer, device, Set.of(Service.CHAT));
            try (link) {
                SentChat sent;
                try {
                    sent = peer.chat().send(link, text);
                } catch (ChatException e) {
                    throw new CommandFailure(e.getMessage());
                }
                ChatMessage outcome;
                try {
                    outcome = sent.outcome().get(RECEIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new CommandFailure("no delivery receipt from " + to + " within " + RECEIPT_TIMEOUT_SECONDS + " s");
                } catch (ExecutionException e) {
                    throw new CommandFailure("not delivered: " + e.getCause().getMessage());
                }
                if (outcome.state() != ChatState.DELIVERED) {
                    throw new CommandFailure("not delivered to " + to);
                }
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("to", to);
                    o.put("id", outcome.id().toString());
                    o.put("state", outcome.state().name());
                    spec.commandLine().getOut().println(Json.line(o));
                } else {
                    spec.commandLine().getOut().println("delivered to " + to + "/" + link.peer().deviceName());
                }
                return ExitCodes.OK;
            }
        }
    }
}

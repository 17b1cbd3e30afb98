package io.ngisec.client.cli;

import io.ngisec.client.audio.AudioException;
import io.ngisec.client.call.CallEvent;
import io.ngisec.client.call.CallException;
import io.ngisec.client.call.CallListener;
import io.ngisec.client.call.IncomingCall;
import io.ngisec.client.call.MediaStarter;
import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.echo.EchoChat;
import io.ngisec.client.echo.EchoMediaStarter;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.protocol.qos.Service;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngisec listen}: stays online and accepts what it is told to (files into a folder, chat). */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Stay online and accept files, chat and calls from colleagues until stopped (Ctrl-C).")
public final class ListenCommand implements Callable<Integer> {

    /** What a listening device accepts. */
    enum Accept { files, chat, calls }

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Option(names = "--accept", split = ",", paramLabel = "WHAT",
            description = "What to accept: files, chat, calls, comma separated (default: ${DEFAULT-VALUE}).", defaultValue = "files,chat")
    private Set<Accept> accept = EnumSet.noneOf(Accept.class);

    @Option(names = "--save-dir", paramLabel = "DIR", description = "Where accepted files go (default: the home's downloads).")
    private Path saveDir;

    @Option(names = "--json", description = "Print events as JSON lines.")
    private boolean json;

    @Mixin
    private AudioOptions audio;

    @Option(names = "--echo", description = "Be the echo contact: calls hear a greeting, a tone, then themselves; "
            + "every chat message is answered \"echo: TEXT\" (what it accepts still follows --accept; no --in or --out).")
    private boolean echo;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        String[] revoked = new String[1];
        boolean calls = accept.contains(Accept.calls);
        if (echo && audio.given()) {
            throw new UsageException("--echo plays its own audio: leave out --in and --out");
        }
        MediaStarter media = !calls ? (link, id) -> {
            throw new IOException("not accepting calls");
        } : echo ? echoMedia() : audio.starter();
        if (calls) {
            VoiceMedia.warmUp();
        }
        CallPrinter callPrinter = new CallPrinter(out, json);
        CallListener callListener = calls ? answering(callPrinter) : callPrinter;
        CompletableFuture<OnlinePeer> online = new CompletableFuture<>();
        ChatListener chatListener = echo ? new EchoChat(chatPrinter(out), (device, text) -> {
            OnlinePeer p = online.get();
            p.chat().send(p.connect(device, Set.of(Service.CHAT)), text);
        }, note -> println(out, note)) : chatPrinter(out);
        try (PeerHome home = homeOptions.open()) {
            Path folder = saveFolder(home);
            OfferDecider offers = accept.contains(Accept.files) ? OfferDecider.acceptInto(folder)
                    : OfferDecider.declineAll("not accepting files");
            OnlinePeer peer = PeerStarter.start(home, new OnlinePeer.Options(PeerStarter.sessionSettings(), offers,
                    accept.contains(Accept.chat), new TransferPrinter(out, json, false), chatListener,
                    notice -> {
                        revoked[0] = notice;
                        stop.countDown();
                    }, media, callListener));
            Thread hook = Thread.ofPlatform().unstarted(() -> {
                peer.close();
                stop.countDown();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            online.complete(peer);
            EnrolledIdentity me = peer.identity();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("event", "listening");
                o.put("user", me.user());
                o.put("device", me.deviceName());
                o.put("deviceId", me.deviceId().toString());
                o.put("saveDir", folder.toString());
                o.put("echo", echo);
                out.println(Json.line(o));
            } else {
                out.println("listening as " + me.user() + "/" + me.deviceName() + ", accepting " + accept
                        + ", files into " + folder + (echo ? ", as the echo contact" : ""));
            }
            out.flush();
            stop.await();
            peer.close();
            if (revoked[0] != null) {
                throw new CommandFailure(revoked[0]);
            }
            return ExitCodes.OK;
        }
    }

    /** Answers every call at once (the peer's call control says busy while one is on), printing what happens. */
    private static CallListener answering(CallPrinter printer) {
        return new CallListener() {
            @Override
            public void onIncoming(IncomingCall incoming) {
                try {
                    incoming.accept();
                } catch (CallException e) {
                    // It ended before the answer (cancelled): the Ended event says so.
                }
            }

            @Override
            public void onEvent(CallEvent event) {
                printer.onEvent(event);
            }
        };
    }

    private static MediaStarter echoMedia() {
        try {
            return EchoMediaStarter.load();
        } catch (AudioException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private static void println(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private Path saveFolder(PeerHome home) {
        Path folder = saveDir != null ? saveDir.toAbsolutePath().normalize() : home.downloads();
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            // The JDK's message is only the path: say what is wrong with it.
            throw new UsageException("cannot use " + folder + " as the save folder: " + e.getFile() + " is not a folder");
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot use " + folder + " as the save folder: permission denied");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            throw new UsageException("cannot use " + folder + " as the save folder: " + reason);
        }
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new UsageException("cannot write to " + folder);
        }
        return folder;
    }

    private ChatListener chatPrinter(PrintWriter out) {
        return new ChatListener() {
            @Override
            public void received(ChatMessage m) {
                synchronized (out) {
                    if (json) {
                        Map<String, Object> o = new LinkedHashMap<>();
                        o.put("event", "chat");
                        o.put("from", m.peerUser());
                        o.put("id", m.id().toString());
                        o.put("text", m.text());
                        o.put("at", m.at().toString());
                        out.println(Json.line(o));
                    } else {
                        out.println("chat from " + m.peerUser() + ": " + m.text());
                    }
                    out.flush();
                }
            }
        };
    }
}

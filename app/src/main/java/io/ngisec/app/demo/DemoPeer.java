package io.ngisec.app.demo;

import io.ngisec.client.call.CallListener;
import io.ngisec.client.call.MediaStarter;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.peer.PeerUnavailableException;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.session.PeerSessions;
import io.ngisec.client.session.SessionSetupException;
import io.ngisec.client.store.StoreException;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.protocol.qos.Service;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** The demo user online in this JVM, on loopback, with the chat it receives handed to whoever waits for it. */
final class DemoPeer implements AutoCloseable {

    private static final Duration SIGNALING = Duration.ofSeconds(30);

    private final PeerHome home;
    private final OnlinePeer peer;
    private final AtomicReference<CompletableFuture<ChatMessage>> nextChat;

    private DemoPeer(PeerHome home, OnlinePeer peer, AtomicReference<CompletableFuture<ChatMessage>> nextChat) {
        this.home = home;
        this.peer = peer;
        this.nextChat = nextChat;
    }

    /** Brings the device enrolled in {@code homeDir} online, with {@code media} for its calls; waits for its signaling. */
    static DemoPeer start(Path homeDir, MediaStarter media) throws DemoFailure, InterruptedException {
        AtomicReference<CompletableFuture<ChatMessage>> nextChat = new AtomicReference<>(new CompletableFuture<>());
        ChatListener chat = new ChatListener() {
            @Override
            public void received(ChatMessage message) {
                nextChat.get().complete(message);
            }
        };
        PeerHome home = null;
        try {
            home = DemoOrg.openHome(homeDir);
            PeerSessions.Settings d = PeerSessions.Settings.defaults();
            PeerSessions.Settings loopback = new PeerSessions.Settings(List.of(InetAddress.getLoopbackAddress()),
                    d.iceTimeout(), d.streamWindow(), d.sendBuffer());
            OnlinePeer peer = OnlinePeer.start(home, home.identity().orElseThrow(), new OnlinePeer.Options(loopback,
                    OfferDecider.declineAll("the demo only sends"), true, TransferListener.NONE, chat, notice -> { },
                    media, CallListener.NONE));
            try {
                peer.awaitSignaling(SIGNALING);
            } catch (ServerException | InterruptedException e) {
                peer.close();
                throw e;
            }
            return new DemoPeer(home, peer, nextChat);
        } catch (HomeException | ServerException | IdentityException | StoreException e) {
            closeQuietly(home);
            throw new DemoFailure("cannot bring " + DemoOrg.YOU + " online: " + e.getMessage(), e);
        } catch (InterruptedException | RuntimeException e) {
            closeQuietly(home);
            throw e;
        }
    }

    OnlinePeer peer() {
        return peer;
    }

    /** A session with {@code user}'s online device for {@code services}. */
    PeerLink connect(String user, Set<Service> services) throws DemoFailure, InterruptedException {
        try {
            return peer.connect(peer.resolve(user).deviceId(), services);
        } catch (ServerException | PeerUnavailableException | SessionSetupException e) {
            throw new DemoFailure("cannot reach " + user + ": " + e.getMessage(), e);
        }
    }

    /** The next chat message to arrive (from now on). */
    CompletableFuture<ChatMessage> nextChat() {
        CompletableFuture<ChatMessage> next = new CompletableFuture<>();
        nextChat.set(next);
        return next;
    }

    @Override
    public void close() {
        peer.close();
        closeQuietly(home);
    }

    private static void closeQuietly(PeerHome home) {
        if (home != null) {
            try {
                home.close();
            } catch (Exception e) {
                // Closing the demo's throwaway home: nothing to save.
            }
        }
    }
}

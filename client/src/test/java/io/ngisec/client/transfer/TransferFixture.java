package io.ngisec.client.transfer;

import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.link.LinkGrants;
import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.link.PeerInfo;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two peers, alice (sender, end a) and bob (receiver, end b), each with a transfer engine on its own database. */
final class TransferFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final PeerInfo alice = MemoryLinkPair.peer("alice");
    final PeerInfo bob = MemoryLinkPair.peer("bob");
    final PeerDatabase aliceDb;
    PeerDatabase bobDb;
    TransferEngine aliceEngine;
    TransferEngine bobEngine;
    MemoryLinkPair pair;
    LinkDispatcher aliceDispatcher;
    LinkDispatcher bobDispatcher;
    final List<String> aliceEvents = new CopyOnWriteArrayList<>();
    final List<String> bobEvents = new CopyOnWriteArrayList<>();

    TransferFixture(PeerDatabase aliceDb, PeerDatabase bobDb, OfferDecider bobDecider, TransferListener bobListener,
            TransferOptions bobOptions) throws StoreException {
        this.aliceDb = aliceDb;
        this.bobDb = bobDb;
        this.aliceEngine = new TransferEngine(aliceDb, OfferDecider.declineAll("alice takes nothing"), recording(aliceEvents, TransferListener.NONE));
        this.bobEngine = new TransferEngine(bobDb, bobDecider, recording(bobEvents, bobListener), bobOptions);
    }

    static TransferFixture inMemory(String name, OfferDecider bobDecider) throws StoreException {
        return new TransferFixture(PeerDatabase.inMemory(name + "-alice"), PeerDatabase.inMemory(name + "-bob"), bobDecider,
                TransferListener.NONE, TransferOptions.defaults());
    }

    /** Connects alice and bob with a fresh link pair holding {@code grants} on both ends. */
    TransferFixture connect(LinkGrants aliceGrants, LinkGrants bobGrants) {
        pair = new MemoryLinkPair(alice, bob, aliceGrants, bobGrants);
        ChatEngine aliceChat = new ChatEngine(aliceDb, ChatListener.NONE);
        ChatEngine bobChat = new ChatEngine(bobDb, ChatListener.NONE);
        aliceDispatcher = LinkDispatcher.start(pair.a(), List.of(aliceEngine, aliceChat));
        bobDispatcher = LinkDispatcher.start(pair.b(), List.of(bobEngine, bobChat));
        return this;
    }

    TransferFixture connect() {
        return connect(MemoryLinkPair.ALL, MemoryLinkPair.ALL);
    }

    /** Bob's incoming transfer with this id, once it exists. */
    Transfer bobTransfer(TransferId id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Transfer t : bobEngine.active()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("bob never saw transfer " + id);
    }

    private static TransferListener recording(List<String> events, TransferListener next) {
        return new TransferListener() {
            @Override
            public void stateChanged(Transfer transfer, TransferState state, String reason) {
                events.add(state + ": " + reason);
                next.stateChanged(transfer, state, reason);
            }

            @Override
            public void progress(Transfer transfer, TransferProgress progress) {
                next.progress(transfer, progress);
            }
        };
    }

    static Path randomFile(Path dir, String name, long size, long seed) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[Math.toIntExact(size)];
        new SplittableRandom(seed).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    @Override
    public void close() {
        if (pair != null) {
            pair.kill("test over");
        }
        aliceDb.close();
        bobDb.close();
    }
}

package io.ngisec.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.chat.ConversationEntry;
import io.ngisec.app.chat.Delivery;
import io.ngisec.app.main.Workbench;
import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.testing.AppUnderTest;
import io.ngisec.app.testing.QueuedFilePicker;
import io.ngisec.app.theme.Themes;
import io.ngisec.app.transfer.FolderOpener;
import io.ngisec.app.transfer.TransferItem;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.chat.ChatState;
import io.ngisec.client.chat.SentChat;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.session.PeerSessions;
import io.ngisec.client.testing.EnrolledHomes;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.client.testing.SeededFiles;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.OfferDecision;
import io.ngisec.client.transfer.Transfer;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.client.transfer.TransferState;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.Service;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfers and chat screens of a real device (the main window's {@link Workbench}, headless)
 * against a real policy server and real peers in this JVM on loopback: Bob accepts files into
 * his inbox and chats; Dave is in a group the policy refuses files to. One window for the class
 * (starting a device is the slow part); the tests run in order and each looks for its own rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransfersAndChatTest {

    private static final String POLICY = """
            { "rules": [
                { "name": "no-files-to-vault", "action": "deny", "from": ["*"], "to": ["group:vault"], "services": ["file"] },
                { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" } } ] }
            """;
    private static final Duration WAIT = AppUnderTest.WAIT;

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;
    private static PeerHome bobHome;
    private static PeerHome daveHome;
    private static OnlinePeer bob;
    private static OnlinePeer dave;
    private static final LinkedBlockingQueue<ChatMessage> bobHeard = new LinkedBlockingQueue<>();
    private static DeviceId aliceDevice;
    private static final QueuedFilePicker picker = new QueuedFilePicker();
    private static Workbench workbench;
    private static AppUnderTest app;

    @BeforeAll
    static void start() throws Exception {
        server = PolicyServerProcess.start(dir);
        server.applyPolicy(POLICY);
        Path alice = EnrolledHomes.enroll(server, dir.resolve("alice"), "alice");
        EnrolledHomes.enroll(server, dir.resolve("bob"), "bob");
        EnrolledHomes.enroll(server, dir.resolve("dave"), "dave", "vault");
        bobHome = EnrolledHomes.open(dir.resolve("bob"));
        bob = online(bobHome, offer -> new OfferDecision.Accept(dir.resolve("bob-inbox")), new ChatListener() {
            @Override
            public void received(ChatMessage message) {
                bobHeard.add(message);
            }
        });
        daveHome = EnrolledHomes.open(dir.resolve("dave"));
        dave = online(daveHome, OfferDecider.declineAll("no"), ChatListener.NONE);

        // An earlier run of Alice's device, so that the conversation has history when the window opens.
        try (PeerHome earlier = EnrolledHomes.open(alice);
                OnlinePeer aliceBefore = online(earlier, OfferDecider.declineAll("no"), ChatListener.NONE)) {
            aliceDevice = aliceBefore.identity().deviceId();
            PeerLink link = bob.connect(aliceDevice, Set.of(Service.CHAT));
            assertThat(bob.chat().send(link, "from yesterday").outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS).state())
                    .isEqualTo(ChatState.DELIVERED);
        }

        PeerHome home = EnrolledHomes.open(alice);
        SelfIdentity self = SelfIdentity.of(home.storedIdentity().orElseThrow());
        app = AppUnderTest.stage(stage -> {
            Themes.followOs();
            workbench = new Workbench(home, self, h -> options(OfferDecider.declineAll("replaced"), ChatListener.NONE),
                    io.ngisec.app.directory.ContactActions.PENDING, picker, FolderOpener.NONE, () -> stage, Platform::runLater);
            Scene scene = new Scene(workbench.root(), 1100, 720);
            Themes.style(scene);
            stage.setScene(scene);
            stage.setTitle("NGISec Communicator - alice");
            stage.show();
            workbench.start();
        });
        app.await("bob and dave online", () -> online("bob") && online("dave"), () -> app.text("#directorySummary"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            AppUnderTest.onFx(() -> {
                workbench.close();
                return null;
            });
            app.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {bob, dave, bobHome, daveHome}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void anOutgoingTransferReachesAHundredPercentAndArrivesBitExact() throws Exception {
        Path file = dir.resolve("out.bin");
        String sha = SeededFiles.write(file, 4L << 20, 7);
        picker.nextFiles(file);
        press("#send_files-bob");

        TransferItem item = awaitItem("To bob: out.bin", TransferState.COMPLETED);
        assertThat(AppUnderTest.onFx(() -> item.progressProperty().get())).isEqualTo(1.0);
        assertThat(AppUnderTest.onFx(() -> item.figuresProperty().get())).isEqualTo("4.0 MiB");
        assertThat(AppUnderTest.onFx(() -> ((ProgressBar) app.find("#transfer-" + item.id() + " .transfer-progress")).getProgress()))
                .isEqualTo(1.0);
        Path received = dir.resolve("bob-inbox").resolve("out.bin");
        app.await("bob's copy saved", () -> Files.exists(received), () -> String.valueOf(Files.exists(received)));
        assertThat(SeededFiles.sha256(received)).isEqualTo(sha);
        app.snapshot(Path.of("target", "screenshots", "transfers.png"));
    }

    @Test
    @Order(2)
    void anIncomingOfferAcceptedIsSavedBitExactInTheFolderChosen() throws Exception {
        Path file = dir.resolve("in.bin");
        String sha = SeededFiles.write(file, 3L << 20, 9);
        Path chosen = dir.resolve("alice-chosen");
        Transfer sent = bobSends(file);

        app.await("the offer dialog", () -> app.find("#offerDialog") != null, () -> "no dialog");
        assertThat(AppUnderTest.onFx(() -> ((javafx.scene.control.DialogPane) app.find("#offerDialog")).getHeaderText()))
                .isEqualTo("bob (bob-pc) offers you 1 file, 3.0 MiB");
        picker.nextFolder(chosen);
        app.robot().clickOn("#offerSaveTo");
        app.awaitText("#offerFolder", chosen.toString());
        app.robot().clickOn("#offerAccept");

        assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
        awaitItem("From bob: in.bin", TransferState.COMPLETED);
        assertThat(app.find("#offerDialog")).isNull();
        assertThat(SeededFiles.sha256(chosen.resolve("in.bin"))).isEqualTo(sha);
    }

    @Test
    @Order(3)
    void anIncomingOfferDeclinedIsDeclinedForTheSenderAndTheChosenFolderIsNowTheDefault() throws Exception {
        Path file = dir.resolve("unwanted.txt");
        Files.writeString(file, "not for alice");
        Transfer sent = bobSends(file);

        app.await("the offer dialog", () -> app.find("#offerDialog") != null, () -> "no dialog");
        app.awaitText("#offerFolder", dir.resolve("alice-chosen").toString());
        app.robot().clickOn("#offerDecline");

        assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.DECLINED);
        assertThat(sent.reason()).isEqualTo("the receiver said no");
        TransferItem item = awaitItem("From bob: unwanted.txt", TransferState.DECLINED);
        assertThat(AppUnderTest.onFx(() -> item.statusProperty().get())).isEqualTo("Declined: the receiver said no");
        assertThat(Files.exists(dir.resolve("alice-chosen").resolve("unwanted.txt"))).isFalse();
    }

    @Test
    @Order(4)
    void aTransferThePolicyDeniesShowsTheRuleThatDeniedIt() throws Exception {
        Path file = dir.resolve("plans.txt");
        Files.writeString(file, "secret plans");
        picker.nextFiles(file);
        press("#send_files-dave");

        TransferItem item = awaitItem("To dave: plans.txt", TransferState.DENIED);
        assertThat(AppUnderTest.onFx(() -> item.statusProperty().get())).startsWith("Denied: the policy does not allow files with dave: ")
                .contains("no-files-to-vault");
        app.await("the notice names the rule", () -> app.text("#transferNotice").contains("no-files-to-vault"),
                () -> app.text("#transferNotice"));
    }

    @Test
    @Order(5)
    void chatGoesBothWaysAfterTheHistoryWithDeliveryStates() throws Exception {
        press("#chat-bob");
        app.await("the conversation with its history", () -> messages().stream().anyMatch(m -> m.text().equals("from yesterday")
                && m.delivery() == Delivery.RECEIVED), () -> messages().toString());

        app.robot().clickOn("#chatInput-bob").write("hello bob").type(KeyCode.ENTER);
        ChatMessage heard = bobHeard.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(heard).isNotNull();
        assertThat(heard.text()).isEqualTo("hello bob");
        app.await("delivered", () -> messages().stream().anyMatch(m -> m.text().equals("hello bob") && m.delivery() == Delivery.DELIVERED),
                () -> messages().toString());
        assertThat(app.text("#chatInput-bob")).isEmpty();

        PeerLink link = bob.connect(aliceDevice, Set.of(Service.CHAT));
        SentChat reply = bob.chat().send(link, "hi alice\nsee you at noon");
        assertThat(reply.outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS).state()).isEqualTo(ChatState.DELIVERED);
        app.await("bob's reply shown", () -> messages().stream().anyMatch(m -> m.text().equals("hi alice\nsee you at noon")
                && m.delivery() == Delivery.RECEIVED), () -> messages().toString());
        // History first, then this run's messages, transfers with bob inline among them.
        List<String> texts = messages().stream().map(ConversationEntry.Message::text).toList();
        assertThat(texts).containsSubsequence("from yesterday", "hello bob", "hi alice\nsee you at noon");
        assertThat(AppUnderTest.onFx(() -> conversation().getItems().stream().filter(e -> e instanceof ConversationEntry.File).count()))
                .isGreaterThanOrEqualTo(3);
        app.snapshot(Path.of("target", "screenshots", "chat.png"));
    }

    /**
     * Presses a directory row's button on the FX thread: a presence change rebuilds the row's
     * buttons, so one found a moment before a robot click may have left the scene.
     */
    private static void press(String button) {
        AppUnderTest.onFx(() -> {
            ((javafx.scene.control.Button) app.find(button)).fire();
            return null;
        });
    }

    private static Transfer bobSends(Path file) throws Exception {
        PeerLink link = bob.connect(aliceDevice, Set.of(Service.FILE));
        return bob.transfers().send(link, List.of(file));
    }

    private static TransferItem awaitItem(String heading, TransferState state) {
        app.await(heading + " " + state, () -> item(heading).map(i -> i.stateProperty().get() == state).orElse(false),
                () -> item(heading).map(i -> i.stateProperty().get() + " " + i.statusProperty().get()).orElse("no row")
                        + " " + app.text("#transferNotice"));
        return AppUnderTest.onFx(() -> item(heading).orElseThrow());
    }

    private static Optional<TransferItem> item(String heading) {
        return app.<TransferItem>items("#transferList").stream().filter(i -> i.headingProperty().get().equals(heading)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ConversationEntry> conversation() {
        return (ListView<ConversationEntry>) app.find("#chatList-bob");
    }

    private static List<ConversationEntry.Message> messages() {
        return AppUnderTest.onFx(() -> conversation() == null ? List.<ConversationEntry.Message>of()
                : conversation().getItems().stream().filter(e -> e instanceof ConversationEntry.Message)
                        .map(e -> (ConversationEntry.Message) e).toList());
    }

    private static boolean online(String user) {
        return app.<Colleague>items("#directoryList").stream().anyMatch(c -> c.user().equals(user) && c.online());
    }

    private static OnlinePeer.Options options(OfferDecider offers, ChatListener chat) {
        PeerSessions.Settings d = PeerSessions.Settings.defaults();
        PeerSessions.Settings loopback = new PeerSessions.Settings(List.of(InetAddress.getLoopbackAddress()), d.iceTimeout(),
                d.streamWindow(), d.sendBuffer());
        return new OnlinePeer.Options(loopback, offers, true, TransferListener.NONE, chat, notice -> { });
    }

    private static OnlinePeer online(PeerHome home, OfferDecider offers, ChatListener chat) throws Exception {
        OnlinePeer peer = OnlinePeer.start(home, home.identity().orElseThrow(), options(offers, chat));
        try {
            peer.awaitSignaling(WAIT);
            return peer;
        } catch (Exception e) {
            peer.close();
            throw e;
        }
    }
}

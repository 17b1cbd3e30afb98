package io.ngisec.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.testing.FakeTransferService;
import io.ngisec.app.testing.Samples;
import io.ngisec.client.link.PeerInfo;
import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.IncomingOffer;
import io.ngisec.client.transfer.OfferDecision;
import io.ngisec.client.transfer.TransferEntry;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferState;
import io.ngisec.protocol.identity.DeviceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransfersViewModelTest {

    private static final long MIB = 1 << 20;

    private final FakeTransferService service = new FakeTransferService();
    private final List<OfferViewModel> dialogs = new ArrayList<>();
    private final TransfersViewModel model = new TransfersViewModel(service, opener(true), Runnable::run);

    {
        model.setOnOffer(dialogs::add);
    }

    @Test
    void aRunningTransferShowsProgressRateAndTimeLeftAndCanBePausedOrCancelled() {
        TransferId id = TransferId.random();
        service.changed(snapshot(id, Direction.OUTGOING, TransferState.TRANSFERRING, MIB, 2.0 * MIB, Optional.of(Duration.ofSeconds(1)), ""));

        TransferItem item = model.items().getFirst();
        assertThat(item.headingProperty().get()).isEqualTo("To bob: report.pdf");
        assertThat(item.progressProperty().get()).isEqualTo(0.25);
        assertThat(item.figuresProperty().get()).isEqualTo("1.0 MiB of 4.0 MiB, 25 %, 2.0 MiB/s, 1 s left");
        assertThat(item.statusProperty().get()).isEqualTo("Transferring");
        assertThat(item.canPauseProperty().get()).isTrue();
        assertThat(item.canResumeProperty().get()).isFalse();
        assertThat(item.canCancelProperty().get()).isTrue();
        assertThat(item.canRetryProperty().get()).isFalse();

        model.pause(item);
        model.cancel(item);
        assertThat(service.controls()).containsExactly("pause " + id, "cancel " + id);
    }

    @Test
    void theSameTransferMovesThroughItsStatesInOneRow() {
        TransferId id = TransferId.random();
        service.changed(snapshot(id, Direction.OUTGOING, TransferState.OFFERED, 0, 0, Optional.empty(), "offered to bob"));
        TransferItem item = model.items().getFirst();
        assertThat(item.statusProperty().get()).isEqualTo("Waiting for bob: offered to bob");
        assertThat(item.canPauseProperty().get()).isFalse();

        service.changed(snapshot(id, Direction.OUTGOING, TransferState.PAUSED, 2 * MIB, 0, Optional.empty(), "paused by bob"));
        assertThat(item.statusProperty().get()).isEqualTo("Paused: paused by bob");
        assertThat(item.canResumeProperty().get()).isTrue();
        assertThat(item.figuresProperty().get()).isEqualTo("2.0 MiB of 4.0 MiB, 50 %");

        service.changed(snapshot(id, Direction.OUTGOING, TransferState.COMPLETED, 4 * MIB, 0, Optional.empty(), "done"));
        assertThat(model.items()).hasSize(1);
        assertThat(item.progressProperty().get()).isEqualTo(1.0);
        assertThat(item.figuresProperty().get()).isEqualTo("4.0 MiB");
        assertThat(item.canCancelProperty().get()).isFalse();
        assertThat(item.canPauseProperty().get()).isFalse();
    }

    @Test
    void anInterruptedOutgoingTransferCanBeRetriedAndAReceivedOneOpensItsFolder() {
        TransferId out = TransferId.random();
        service.changed(ended(out, Direction.OUTGOING, TransferState.INTERRUPTED, "link closed", Optional.empty()));
        TransferItem interrupted = model.items().getFirst();
        assertThat(interrupted.canRetryProperty().get()).isTrue();
        model.retry(interrupted);
        assertThat(service.controls()).containsExactly("retry " + out);

        TransferId in = TransferId.random();
        service.changed(ended(in, Direction.INCOMING, TransferState.COMPLETED, "done", Optional.of(Path.of("/tmp/in"))));
        TransferItem received = model.items().getFirst();
        assertThat(received.canRetryProperty().get()).isFalse();
        assertThat(model.canOpenFolder(received)).isTrue();
        assertThat(model.canOpenFolder(interrupted)).isFalse();
        assertThat(new TransfersViewModel(service, opener(false), Runnable::run).canOpenFolder(received)).isFalse();
    }

    @Test
    void aRefusedSendShowsItsReasonAsTheNotice() {
        model.send(Samples.colleague("bob", Samples.device("bob", "bob-pc", true)), List.of(Path.of("/tmp/plans.txt")));
        assertThat(service.sends()).hasSize(1);
        service.sends().getFirst().result().completeExceptionally(new java.util.concurrent.CompletionException(
                new RuntimeException("the policy does not allow files with bob: rule 'vault' denies file")));
        assertThat(model.noticeProperty().get()).isEqualTo("the policy does not allow files with bob: rule 'vault' denies file");
    }

    @Test
    void anOfferOpensADialogWithTheDownloadFolderAndAcceptingElsewhereMakesThatTheDefault() {
        IncomingOffer offer = offer();
        service.offered(offer);
        OfferViewModel dialog = dialogs.getFirst();
        assertThat(dialog.headline()).isEqualTo("bob (bob-pc) offers you 2 files, 3.0 MiB");
        assertThat(dialog.files()).containsExactly("a.bin (1.0 MiB)", "docs/b.bin (2.0 MiB)");
        assertThat(dialog.folderProperty().get()).isEqualTo("/home/alice/Downloads");

        dialog.folderProperty().set("relative/dir");
        assertThat(dialog.accept()).isFalse();
        assertThat(dialog.errorProperty().get()).isEqualTo("choose a folder to save into");
        assertThat(service.decisions()).isEmpty();

        dialog.folderProperty().set("/srv/inbox");
        assertThat(dialog.accept()).isTrue();
        assertThat(service.decisions()).containsEntry(offer.id(), new OfferDecision.Accept(Path.of("/srv/inbox")));
        assertThat(service.savedFolders()).containsExactly(Path.of("/srv/inbox"));
        assertThat(dialog.closedProperty().get()).isTrue();
        dialog.decline();
        assertThat(service.decisions()).hasSize(1);
    }

    @Test
    void declineAnswersOnceAndAnOfferThatEndsClosesItsDialog() {
        IncomingOffer first = offer();
        service.offered(first);
        dialogs.getFirst().decline();
        assertThat(service.decisions()).containsEntry(first.id(), new OfferDecision.Decline("the receiver said no"));
        assertThat(service.savedFolders()).isEmpty();

        IncomingOffer second = offer();
        service.offered(second);
        service.changed(ended(second.id(), Direction.INCOMING, TransferState.CANCELLED, "cancelled by bob", Optional.empty()));
        assertThat(dialogs.get(1).closedProperty().get()).isTrue();
        assertThat(model.items().getFirst().statusProperty().get()).isEqualTo("Cancelled: cancelled by bob");
        service.changed(ended(first.id(), Direction.INCOMING, TransferState.DECLINED, "declined: the receiver said no", Optional.empty()));
        assertThat(model.items().getFirst().statusProperty().get()).isEqualTo("Declined: the receiver said no");
        assertThat(service.decisions()).doesNotContainKey(second.id());
    }

    private static TransferSnapshot snapshot(TransferId id, Direction d, TransferState state, long done, double rate,
            Optional<Duration> eta, String reason) {
        return new TransferSnapshot(id, d, "bob", "report.pdf", 4 * MIB, done, rate, eta, state, reason, Optional.empty(), true);
    }

    private static TransferSnapshot ended(TransferId id, Direction d, TransferState state, String reason, Optional<Path> folder) {
        return new TransferSnapshot(id, d, "bob", "report.pdf", 4 * MIB, 0, 0, Optional.empty(), state, reason, folder, false);
    }

    private static IncomingOffer offer() {
        PeerInfo bob = new PeerInfo("bob", new DeviceId(UUID.randomUUID()), "bob-pc", Samples.CA);
        return new IncomingOffer(TransferId.random(), bob, List.of(new TransferEntry(0, "a.bin", MIB, "00"),
                new TransferEntry(1, "docs/b.bin", 2 * MIB, "00")), 3 * MIB);
    }

    private static FolderOpener opener(boolean available) {
        return new FolderOpener() {
            @Override
            public boolean available() {
                return available;
            }

            @Override
            public void open(Path folder) {
            }
        };
    }
}

package io.ngisec.app.testing;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.transfer.TransferService;
import io.ngisec.app.transfer.TransferServiceListener;
import io.ngisec.app.transfer.TransferSnapshot;
import io.ngisec.client.transfer.IncomingOffer;
import io.ngisec.client.transfer.OfferDecision;
import io.ngisec.client.transfer.TransferId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A {@link TransferService} the test drives by hand: listeners hear at once on the calling thread; calls are recorded. */
public final class FakeTransferService implements TransferService {

    /** One send as the screen asked for it. */
    public record Send(Colleague to, List<Path> paths, CompletableFuture<Void> result) {
    }

    private final List<TransferServiceListener> listeners = new ArrayList<>();
    private final List<Send> sends = new ArrayList<>();
    private final List<String> controls = new ArrayList<>();
    private final Map<TransferId, OfferDecision> decisions = new LinkedHashMap<>();
    private final List<Path> savedFolders = new ArrayList<>();
    private Path downloadFolder = Path.of("/home/alice/Downloads");

    public void changed(TransferSnapshot s) {
        listeners.forEach(l -> l.changed(s));
    }

    public void offered(IncomingOffer offer) {
        listeners.forEach(l -> l.offered(offer));
    }

    public List<Send> sends() {
        return sends;
    }

    /** "pause <id>", "cancel <id>", ... in order. */
    public List<String> controls() {
        return controls;
    }

    public Map<TransferId, OfferDecision> decisions() {
        return decisions;
    }

    public List<Path> savedFolders() {
        return savedFolders;
    }

    @Override
    public void addListener(TransferServiceListener listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<Void> send(Colleague to, List<Path> paths) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        sends.add(new Send(to, paths, f));
        return f;
    }

    @Override
    public void pause(TransferId id) {
        controls.add("pause " + id);
    }

    @Override
    public void resume(TransferId id) {
        controls.add("resume " + id);
    }

    @Override
    public void cancel(TransferId id) {
        controls.add("cancel " + id);
    }

    @Override
    public CompletableFuture<Void> retry(TransferId id) {
        controls.add("retry " + id);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void decide(TransferId id, OfferDecision decision) {
        decisions.put(id, decision);
    }

    @Override
    public CompletableFuture<List<TransferSnapshot>> history() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Path> downloadFolder() {
        return CompletableFuture.completedFuture(downloadFolder);
    }

    @Override
    public void setDownloadFolder(Path folder) {
        savedFolders.add(folder);
        downloadFolder = folder;
    }
}

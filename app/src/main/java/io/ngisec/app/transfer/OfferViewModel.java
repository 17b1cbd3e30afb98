package io.ngisec.app.transfer;

import io.ngisec.client.transfer.IncomingOffer;
import io.ngisec.client.transfer.OfferDecision;
import io.ngisec.client.transfer.TransferEntry;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The incoming offer dialog's state: who offers what (files, total size), the folder to save into
 * (the download folder unless the user picks another, which then becomes the download folder),
 * and the answer. Answered once; closed also when the offer ends without an answer (the sender
 * cancelled). FX thread only.
 */
public final class OfferViewModel {

    /** How many file names the dialog lists before "and N more". */
    static final int LISTED = 8;
    /** What the sender reads when the user declines. */
    static final String DECLINED = "the receiver said no";

    private final IncomingOffer offer;
    private final TransferService service;
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private String defaultFolder = "";

    OfferViewModel(IncomingOffer offer, TransferService service) {
        this.offer = Objects.requireNonNull(offer, "offer");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Shows {@code path} as the default (while the user has not typed another). */
    void defaultFolder(Path path) {
        String value = path.toString();
        if (folder.get().isEmpty() || folder.get().equals(defaultFolder)) {
            folder.set(value);
        }
        defaultFolder = value;
    }

    public IncomingOffer offer() {
        return offer;
    }

    /** {@code bob (bob-laptop) offers you 2 files, 3.0 MiB}. */
    public String headline() {
        int n = offer.entries().size();
        return offer.from().user() + " (" + offer.from().deviceName() + ") offers you " + (n == 1 ? "1 file" : n + " files")
                + ", " + TransferFormat.bytes(offer.totalBytes());
    }

    /** The first {@link #LISTED} files with their sizes, and how many more there are. */
    public List<String> files() {
        List<TransferEntry> entries = offer.entries();
        List<String> lines = new java.util.ArrayList<>(entries.stream().limit(LISTED)
                .map(e -> e.relativePath() + " (" + TransferFormat.bytes(e.size()) + ")").toList());
        if (entries.size() > LISTED) {
            lines.add("and " + (entries.size() - LISTED) + " more");
        }
        return lines;
    }

    /** The folder the files go into when accepted. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** Why the last accept did not go through (a folder that is not one). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Answered, or the offer ended meanwhile: the dialog goes away. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** Accepts into the folder shown; false (with {@link #errorProperty()}) when it is not an absolute path. */
    public boolean accept() {
        if (closed.get()) {
            return false;
        }
        Path target;
        try {
            target = Path.of(folder.get().strip());
        } catch (InvalidPathException e) {
            error.set("not a folder: " + folder.get());
            return false;
        }
        if (folder.get().isBlank() || !target.isAbsolute()) {
            error.set("choose a folder to save into");
            return false;
        }
        if (!target.toString().equals(defaultFolder)) {
            service.setDownloadFolder(target);
        }
        service.decide(offer.id(), new OfferDecision.Accept(target));
        closed.set(true);
        return true;
    }

    public void decline() {
        if (!closed.get()) {
            service.decide(offer.id(), new OfferDecision.Decline(DECLINED));
            closed.set(true);
        }
    }

    /** The offer ended without an answer from here. */
    void ended() {
        closed.set(true);
    }
}

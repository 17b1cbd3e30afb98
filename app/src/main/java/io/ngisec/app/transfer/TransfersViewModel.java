package io.ngisec.app.transfer;

import io.ngisec.app.service.Colleague;
import io.ngisec.client.transfer.IncomingOffer;
import io.ngisec.client.transfer.TransferId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transfers screen's state: every transfer both ways, newest first, with the controls the
 * engine has (pause, resume, cancel; retry for an interrupted or failed outgoing transfer, which
 * the receiver resumes; open folder where the platform can), the offers waiting for an answer,
 * and the last refusal in one line. FX thread only (the service's listeners are called there;
 * answers of its futures come back through {@code ui}).
 */
public final class TransfersViewModel {

    private final TransferService service;
    private final FolderOpener opener;
    private final Executor ui;
    private final ObservableList<TransferItem> items = FXCollections.observableArrayList();
    private final ObservableList<TransferItem> itemsReadOnly = FXCollections.unmodifiableObservableList(items);
    private final Map<TransferId, TransferItem> byId = new HashMap<>();
    private final Map<TransferId, OfferViewModel> offers = new HashMap<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private Consumer<OfferViewModel> onOffer = o -> { };

    public TransfersViewModel(TransferService service, FolderOpener opener, Executor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.ui = Objects.requireNonNull(ui, "ui");
        service.addListener(new TransferServiceListener() {
            @Override
            public void changed(TransferSnapshot now) {
                apply(now);
            }

            @Override
            public void removed(TransferId id) {
                TransferItem gone = byId.remove(id);
                if (gone != null) {
                    items.remove(gone);
                }
            }

            @Override
            public void offered(IncomingOffer offer) {
                offer(offer);
            }
        });
    }

    /** Every transfer, newest first. */
    public ObservableList<TransferItem> items() {
        return itemsReadOnly;
    }

    /** The last refusal or failed control, in one line; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Who shows incoming offers (the dialog). */
    public void setOnOffer(Consumer<OfferViewModel> handler) {
        this.onOffer = Objects.requireNonNull(handler, "handler");
    }

    /** Offers {@code paths} to {@code to}; a refusal shows as a row and as the notice. */
    public void send(Colleague to, List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        notice.set("");
        report(service.send(to, paths));
    }

    public void pause(TransferItem item) {
        service.pause(item.id());
    }

    public void resume(TransferItem item) {
        service.resume(item.id());
    }

    public void cancel(TransferItem item) {
        service.cancel(item.id());
    }

    public void retry(TransferItem item) {
        notice.set("");
        report(service.retry(item.id()));
    }

    /** Whether {@code item}'s folder can be shown (saved files, a platform with a file manager). */
    public boolean canOpenFolder(TransferItem item) {
        return item.folder().isPresent() && opener.available();
    }

    public void openFolder(TransferItem item) {
        item.folder().filter(f -> opener.available()).ifPresent(opener::open);
    }

    /** The open offer for {@code item} (an incoming transfer waiting for an answer). */
    public java.util.Optional<OfferViewModel> offerOf(TransferItem item) {
        return java.util.Optional.ofNullable(offers.get(item.id()));
    }

    /** Loads the transfers of earlier runs (once the device is online), below those of this run. */
    public void loadHistory() {
        service.history().thenAcceptAsync(records -> {
            for (TransferSnapshot s : records) {
                if (!byId.containsKey(s.id())) {
                    TransferItem item = new TransferItem(s);
                    byId.put(s.id(), item);
                    items.add(item);
                }
            }
        }, ui);
    }

    private void apply(TransferSnapshot s) {
        TransferItem item = byId.get(s.id());
        if (item == null) {
            item = new TransferItem(s);
            byId.put(s.id(), item);
            items.add(0, item);
        } else {
            item.update(s);
        }
        if (s.state().ended()) {
            OfferViewModel open = offers.remove(s.id());
            if (open != null) {
                open.ended();
            }
        }
    }

    private void offer(IncomingOffer offer) {
        OfferViewModel model = new OfferViewModel(offer, service);
        model.closedProperty().addListener((o, was, now) -> {
            if (now) {
                offers.remove(offer.id());
            }
        });
        offers.put(offer.id(), model);
        service.downloadFolder().thenAcceptAsync(model::defaultFolder, ui);
        onOffer.accept(model);
    }

    private void report(CompletableFuture<Void> outcome) {
        outcome.whenCompleteAsync((v, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                notice.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            }
        }, ui);
    }
}

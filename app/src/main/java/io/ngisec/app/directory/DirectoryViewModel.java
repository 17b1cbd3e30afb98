package io.ngisec.app.directory;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.PeerService;
import io.ngisec.app.service.PeerServiceListener;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The directory screen's state: the colleagues the service reports, filtered by the search text
 * (user or device name, any case), and a one-line summary. Actions go through the
 * {@link ContactActions} given. Use on the FX thread (the service's listeners are called there).
 */
public final class DirectoryViewModel {

    private final ContactActions actions;
    private final ObservableList<Colleague> all = FXCollections.observableArrayList();
    private final FilteredList<Colleague> shown = new FilteredList<>(all, c -> true);
    private final ObservableList<Colleague> shownReadOnly = FXCollections.unmodifiableObservableList(shown);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public DirectoryViewModel(PeerService service, ContactActions actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
        search.addListener((o, was, now) -> refilter());
        service.addListener(new PeerServiceListener() {
            @Override
            public void directoryChanged(List<Colleague> colleagues) {
                update(colleagues);
            }
        });
        update(service.directory());
    }

    /** The colleagues matching the search, by name. */
    public ObservableList<Colleague> colleagues() {
        return shownReadOnly;
    }

    /** What the user typed into the search field. */
    public StringProperty searchProperty() {
        return search;
    }

    /** "N colleagues, M online" (or what the search left of them). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ActionState state(ContactAction action, Colleague colleague) {
        return actions.state(action, colleague);
    }

    /** Runs {@code action} if it is enabled for {@code colleague}; false if it was not. */
    public boolean perform(ContactAction action, Colleague colleague) {
        if (!actions.state(action, colleague).enabled()) {
            return false;
        }
        actions.perform(action, colleague);
        return true;
    }

    /** Whether files dropped on {@code colleague}'s row would be sent. */
    public boolean acceptsFiles(Colleague colleague) {
        return actions.acceptsFiles(colleague);
    }

    /** Sends files dropped on {@code colleague}'s row; false when they are not taken there. */
    public boolean dropFiles(Colleague colleague, List<java.nio.file.Path> paths) {
        if (paths.isEmpty() || !actions.acceptsFiles(colleague)) {
            return false;
        }
        actions.filesDropped(colleague, paths);
        return true;
    }

    /** A row's second line: presence and device count. */
    public static String detail(Colleague c) {
        int devices = c.devices().size();
        String count = devices == 1 ? "1 device" : devices + " devices";
        return c.online() ? "online, " + c.onlineDevices() + " of " + count : "offline, " + count;
    }

    private void update(List<Colleague> colleagues) {
        // Replace rows in place so selection and scroll survive a presence change of the same user.
        if (all.size() == colleagues.size()) {
            for (int i = 0; i < colleagues.size(); i++) {
                if (!all.get(i).equals(colleagues.get(i))) {
                    all.set(i, colleagues.get(i));
                }
            }
        } else {
            all.setAll(colleagues);
        }
        refilter();
    }

    private void refilter() {
        String term = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(term.isEmpty() ? c -> true : c -> matches(c, term));
        long online = shown.stream().filter(Colleague::online).count();
        String noun = shown.size() == 1 ? "colleague" : "colleagues";
        summary.set(term.isEmpty() || shown.size() == all.size()
                ? shown.size() + " " + noun + ", " + online + " online"
                : shown.size() + " of " + all.size() + " " + "colleagues" + ", " + online + " online");
    }

    private static boolean matches(Colleague c, String term) {
        return c.user().toLowerCase(Locale.ROOT).contains(term)
                || c.devices().stream().anyMatch(d -> d.deviceName().toLowerCase(Locale.ROOT).contains(term));
    }
}

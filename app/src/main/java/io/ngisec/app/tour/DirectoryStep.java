package io.ngisec.app.tour;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.ConnectionPhase;

/** The main window online, with the contact online in the directory. */
final class DirectoryStep implements TourStep {

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public void show(TourGuide guide) throws TourFailure, InterruptedException {
        guide.await("online with " + guide.contact() + " online in the directory", () ->
                guide.workbench().service().status().phase() == ConnectionPhase.ONLINE
                        && guide.workbench().service().directory().stream()
                                .anyMatch(c -> c.user().equals(guide.contact()) && c.online()));
        guide.onFx(() -> guide.find("#directoryList") instanceof javafx.scene.control.ListView<?> list
                && select(list, guide.contact()));
    }

    /** Highlights the contact's row, as a user about to act on it would. */
    private static boolean select(javafx.scene.control.ListView<?> list, String user) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i) instanceof Colleague c && c.user().equals(user)) {
                list.getSelectionModel().select(i);
                return true;
            }
        }
        return false;
    }
}

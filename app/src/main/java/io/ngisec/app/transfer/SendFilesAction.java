package io.ngisec.app.transfer;

import io.ngisec.app.directory.ActionState;
import io.ngisec.app.directory.ContactAction;
import io.ngisec.app.directory.ContactActions;
import io.ngisec.app.service.Colleague;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The directory's "Send files" action and its drop target: enabled while the colleague is online;
 * the system's file chooser (or the files dropped on the row) feeds {@link TransfersViewModel#send}.
 * The policy is asked only when sending, so a denial arrives with the rule that made it.
 */
public final class SendFilesAction implements ContactActions {

    private final TransfersViewModel transfers;
    private final FilePicker picker;
    private final Supplier<Window> owner;

    public SendFilesAction(TransfersViewModel transfers, FilePicker picker, Supplier<Window> owner) {
        this.transfers = transfers;
        this.picker = picker;
        this.owner = owner;
    }

    @Override
    public ActionState state(ContactAction action, Colleague colleague) {
        return colleague.online() ? new ActionState(true, "send files to " + colleague.user() + " (or drop them on the row)")
                : new ActionState(false, colleague.user() + " is offline");
    }

    @Override
    public void perform(ContactAction action, Colleague colleague) {
        List<Path> files = picker.files(owner.get(), "Send files to " + colleague.user());
        transfers.send(colleague, files);
    }

    @Override
    public boolean acceptsFiles(Colleague colleague) {
        return colleague.online();
    }

    @Override
    public void filesDropped(Colleague colleague, List<Path> paths) {
        transfers.send(colleague, paths);
    }
}

package io.ngisec.app.call;

import io.ngisec.app.directory.ActionState;
import io.ngisec.app.directory.ContactAction;
import io.ngisec.app.directory.ContactActions;
import io.ngisec.app.service.Colleague;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.protocol.qos.Service;
import java.util.Objects;

/**
 * The directory's Call action, on the call screen; plugged in with
 * {@code ContactActions.with(ContactAction.CALL, ...)}, so it is asked about calls only. Calling
 * needs the colleague online, the policy to allow calls with an online device of theirs (as the
 * directory says), and no call in progress.
 */
public final class CallActions implements ContactActions {

    private final CallViewModel calls;

    public CallActions(CallViewModel calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    @Override
    public ActionState state(ContactAction action, Colleague colleague) {
        requireCall(action);
        String user = colleague.user();
        if (!colleague.online()) {
            return new ActionState(false, user + " is offline");
        }
        boolean allowed = colleague.devices().stream()
                .anyMatch(d -> d.online() && d.services().containsKey(Service.CALL));
        if (!allowed) {
            return new ActionState(false, "the policy does not allow calls with " + user);
        }
        if (!calls.canCall()) {
            return new ActionState(false, "already in a call");
        }
        return new ActionState(true, "call " + user + " on " + onlineDevice(colleague));
    }

    @Override
    public void perform(ContactAction action, Colleague colleague) {
        requireCall(action);
        calls.call(colleague);
    }

    private static void requireCall(ContactAction action) {
        if (action != ContactAction.CALL) {
            throw new IllegalArgumentException("the call screen does not handle " + action);
        }
    }

    private static String onlineDevice(Colleague colleague) {
        return colleague.devices().stream().filter(DirectoryEntry::online).map(DirectoryEntry::deviceName)
                .findFirst().orElse("their device");
    }
}

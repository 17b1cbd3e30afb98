package io.ngisec.app.call;

import static io.ngisec.app.testing.Samples.colleague;
import static io.ngisec.app.testing.Samples.device;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.directory.ActionState;
import io.ngisec.app.directory.ContactAction;
import io.ngisec.app.directory.ContactActions;
import io.ngisec.app.service.Colleague;
import io.ngisec.app.testing.FakeCallService;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallActionsTest {

    private final FakeCallService service = new FakeCallService();
    private final CallViewModel calls = new CallViewModel(service, (delay, task) -> { });
    private final ContactActions actions = ContactActions.PENDING.with(ContactAction.CALL, new CallActions(calls));

    @Test
    void callIsEnabledForAnOnlineColleagueThePolicyLetsThisDeviceCall() {
        Colleague bob = new Colleague("bob", java.util.List.of(callable("bob", "desktop", true)));

        assertThat(actions.state(ContactAction.CALL, bob)).isEqualTo(new ActionState(true, "call bob on desktop"));
        actions.perform(ContactAction.CALL, bob);
        assertThat(service.asked()).endsWith("dial bob");
        assertThat(actions.state(ContactAction.CALL, bob)).isEqualTo(new ActionState(false, "already in a call"));
    }

    @Test
    void offlineOrNotAllowedIsDisabledSayingWhy() {
        assertThat(actions.state(ContactAction.CALL, new Colleague("bob", java.util.List.of(callable("bob", "desktop", false)))))
                .isEqualTo(new ActionState(false, "bob is offline"));
        assertThat(actions.state(ContactAction.CALL, colleague("gary", device("gary", "pc", true))))
                .isEqualTo(new ActionState(false, "the policy does not allow calls with gary"));
    }

    @Test
    void otherActionsStayWithTheOtherScreens() {
        Colleague bob = new Colleague("bob", java.util.List.of(callable("bob", "desktop", true)));
        assertThat(actions.state(ContactAction.CHAT, bob)).isEqualTo(ContactActions.PENDING.state(ContactAction.CHAT, bob));
        assertThat(actions.state(ContactAction.SEND_FILES, bob).enabled()).isFalse();
    }

    private static DirectoryEntry callable(String user, String name, boolean online) {
        return new DirectoryEntry(user, new DeviceId(UUID.randomUUID()), name, online, Map.of(Service.CALL, QosClass.VOICE));
    }
}

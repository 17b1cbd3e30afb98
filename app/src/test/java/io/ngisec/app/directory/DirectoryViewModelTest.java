package io.ngisec.app.directory;

import static io.ngisec.app.testing.Samples.colleague;
import static io.ngisec.app.testing.Samples.device;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.testing.FakePeerService;
import io.ngisec.app.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryViewModelTest {

    private final FakePeerService service = new FakePeerService(Samples.self());

    @Test
    void showsWhatTheServiceHadBeforeAndFollowsItsChanges() {
        service.directory(List.of(colleague("bob", device("bob", "desktop", false))));
        DirectoryViewModel model = new DirectoryViewModel(service, ContactActions.PENDING);
        assertThat(model.colleagues()).extracting(Colleague::user).containsExactly("bob");
        assertThat(model.summaryProperty().get()).isEqualTo("1 colleague, 0 online");

        service.directory(List.of(colleague("bob", device("bob", "desktop", true)),
                colleague("carol", device("carol", "laptop", false), device("carol", "phone", false))));
        assertThat(model.colleagues()).extracting(Colleague::user).containsExactly("bob", "carol");
        assertThat(model.colleagues().getFirst().online()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("2 colleagues, 1 online");
    }

    @Test
    void searchMatchesUserOrDeviceNameInAnyCase() {
        DirectoryViewModel model = new DirectoryViewModel(service, ContactActions.PENDING);
        service.directory(List.of(colleague("bob", device("bob", "desktop", true)),
                colleague("carol", device("carol", "Laptop", false)), colleague("dave", device("dave", "nuc", false))));

        model.searchProperty().set("CAR");
        assertThat(model.colleagues()).extracting(Colleague::user).containsExactly("carol");
        model.searchProperty().set("lap");
        assertThat(model.colleagues()).extracting(Colleague::user).containsExactly("carol");
        assertThat(model.summaryProperty().get()).isEqualTo("1 of 3 colleagues, 0 online");
        model.searchProperty().set(" ");
        assertThat(model.colleagues()).hasSize(3);
    }

    @Test
    void theSearchStaysAppliedWhenPresenceChanges() {
        DirectoryViewModel model = new DirectoryViewModel(service, ContactActions.PENDING);
        service.directory(List.of(colleague("bob", device("bob", "desktop", false)), colleague("carol", device("carol", "pc", false))));
        model.searchProperty().set("bob");
        service.directory(List.of(colleague("bob", device("bob", "desktop", true)), colleague("carol", device("carol", "pc", true))));

        assertThat(model.colleagues()).extracting(Colleague::user).containsExactly("bob");
        assertThat(model.colleagues().getFirst().online()).isTrue();
    }

    @Test
    void pendingActionsAreDisabledAndSayWhichScreenBringsThem() {
        DirectoryViewModel model = new DirectoryViewModel(service, ContactActions.PENDING);
        Colleague bob = colleague("bob", device("bob", "desktop", true));

        assertThat(model.state(ContactAction.CALL, bob)).isEqualTo(new ActionState(false, "arrives with the call screen"));
        assertThat(model.state(ContactAction.SEND_FILES, bob).tooltip()).isEqualTo("arrives with the transfers screen");
        assertThat(model.state(ContactAction.CHAT, bob).tooltip()).isEqualTo("arrives with the chat screen");
        assertThat(model.perform(ContactAction.CALL, bob)).isFalse();
    }

    @Test
    void anEnabledActionRunsThroughTheExtensionPoint() {
        List<String> performed = new ArrayList<>();
        ContactActions chatOnly = new ContactActions() {
            @Override
            public ActionState state(ContactAction action, Colleague colleague) {
                return new ActionState(action == ContactAction.CHAT, action.label());
            }

            @Override
            public void perform(ContactAction action, Colleague colleague) {
                performed.add(action + " " + colleague.user());
            }
        };
        DirectoryViewModel model = new DirectoryViewModel(service, chatOnly);
        Colleague bob = colleague("bob", device("bob", "desktop", true));

        assertThat(model.perform(ContactAction.CALL, bob)).isFalse();
        assertThat(model.perform(ContactAction.CHAT, bob)).isTrue();
        assertThat(performed).containsExactly("CHAT bob");
    }

    @Test
    void aRowSaysPresenceAndHowManyDevicesAreOnline() {
        assertThat(DirectoryViewModel.detail(colleague("bob", device("bob", "a", false)))).isEqualTo("offline, 1 device");
        assertThat(DirectoryViewModel.detail(colleague("bob", device("bob", "a", true), device("bob", "b", false))))
                .isEqualTo("online, 1 of 2 devices");
    }
}

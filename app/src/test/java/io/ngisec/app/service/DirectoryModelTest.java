package io.ngisec.app.service;

import static io.ngisec.app.testing.Samples.device;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.server.DirectoryEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryModelTest {

    private final DirectoryEntry mine = device("alice", "laptop", true);
    private final DirectoryEntry alicePhone = device("alice", "phone", false);
    private final DirectoryEntry bobDesk = device("bob", "desk", false);
    private final DirectoryEntry bobAir = device("bob", "air", true);
    private final DirectoryModel model = new DirectoryModel(mine.deviceId());

    @Test
    void groupsDevicesByUserSortedAndLeavesThisDeviceOut() {
        model.replace(List.of(bobDesk, mine, alicePhone, bobAir));

        List<Colleague> colleagues = model.colleagues();
        assertThat(colleagues).extracting(Colleague::user).containsExactly("alice", "bob");
        assertThat(colleagues.get(0).devices()).containsExactly(alicePhone);
        assertThat(colleagues.get(1).devices()).containsExactly(bobAir, bobDesk);
        assertThat(colleagues.get(1).online()).isTrue();
        assertThat(colleagues.get(1).onlineDevices()).isEqualTo(1);
    }

    @Test
    void presenceChangesOneDeviceAndUnknownDevicesAskForARefetch() {
        model.replace(List.of(bobDesk, bobAir));

        assertThat(model.presence(bobDesk.deviceId(), true)).isTrue();
        assertThat(model.colleagues().getFirst().onlineDevices()).isEqualTo(2);
        assertThat(model.presence(alicePhone.deviceId(), true)).isFalse();
        assertThat(model.colleagues()).extracting(Colleague::user).containsExactly("bob");
    }

    @Test
    void allOfflineWhenTheServerIsOutOfReach() {
        model.replace(List.of(bobDesk, bobAir, alicePhone));
        model.allOffline();
        assertThat(model.colleagues()).noneMatch(Colleague::online);
    }
}

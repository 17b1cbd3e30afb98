package io.ngisec.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionServicesTest {

    private static DirectoryEntry device(Map<Service, QosClass> services) {
        return new DirectoryEntry("bob", DeviceId.random(), "bob-pc", true, services);
    }

    @Test
    void asksForEveryServiceThePolicyAllowsSoACallATransferAndAChatShareOneSession() {
        DirectoryEntry bob = device(Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK,
                Service.CHAT, QosClass.INTERACTIVE, Service.CONTROL, QosClass.CONTROL));

        assertThat(SessionServices.of(bob, Service.FILE))
                .containsExactlyInAnyOrder(Service.CALL, Service.FILE, Service.CHAT)
                .isEqualTo(SessionServices.of(bob, Service.CHAT))
                .isEqualTo(SessionServices.of(bob, Service.CALL));
    }

    @Test
    void keepsTheNeededServiceEvenWhenTheDirectoryDoesNotListItSoTheServerNamesItsRule() {
        DirectoryEntry bob = device(Map.of(Service.CHAT, QosClass.INTERACTIVE));

        assertThat(SessionServices.of(bob, Service.FILE)).containsExactlyInAnyOrder(Service.FILE, Service.CHAT);
    }
}

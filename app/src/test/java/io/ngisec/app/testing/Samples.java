package io.ngisec.app.testing;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.protocol.enroll.Invite;
import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Values for ViewModel tests: a self identity, directory entries, an invite that parses. */
public final class Samples {

    public static final Fingerprint CA = Fingerprint.of(new byte[] {1, 2, 3});

    private Samples() {
    }

    public static SelfIdentity self() {
        return new SelfIdentity("alice", "laptop", new DeviceId(UUID.randomUUID()), URI.create("https://policy.example:8443"), CA);
    }

    public static DirectoryEntry device(String user, String name, boolean online) {
        return new DirectoryEntry(user, new DeviceId(UUID.randomUUID()), name, online, Map.of());
    }

    public static Colleague colleague(String user, DirectoryEntry... devices) {
        return new Colleague(user, List.of(devices));
    }

    /** A well-formed invite for {@code server} (its code is made up). */
    public static String invite(String server) {
        return new Invite(URI.create(server), CA, InviteCode.generate(new SecureRandom())).encoded();
    }
}

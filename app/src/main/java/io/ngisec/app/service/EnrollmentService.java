package io.ngisec.app.service;

import io.ngisec.protocol.enroll.Invite;
import java.util.concurrent.CompletableFuture;

/**
 * Enrollment for the first-run screen. Work runs off the UI thread; the futures complete on the
 * UI thread, exceptionally with {@link EnrollmentException} carrying a one-line message.
 */
public interface EnrollmentService {

    /** Asks the invite's server, over TLS pinned to the invite's CA, which organization it belongs to. */
    CompletableFuture<OrganizationPreview> preview(Invite invite);

    /** Enrolls this device as {@code deviceName}, keys protected by {@code protection}; the result is who it now is. */
    CompletableFuture<SelfIdentity> enroll(Invite invite, String deviceName, KeyProtection protection);

    /** The name a device gets unless the user picks another: the host name without its domain. */
    String defaultDeviceName();
}

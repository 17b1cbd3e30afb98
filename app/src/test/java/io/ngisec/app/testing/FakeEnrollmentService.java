package io.ngisec.app.testing;

import io.ngisec.app.service.EnrollmentService;
import io.ngisec.app.service.KeyProtection;
import io.ngisec.app.service.OrganizationPreview;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.protocol.enroll.Invite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link EnrollmentService} whose answers the test completes by hand (completing them on the
 * test thread stands in for the UI thread), recording what it was asked.
 */
public final class FakeEnrollmentService implements EnrollmentService {

    /** One enroll call as the screen made it. */
    public record EnrollCall(Invite invite, String deviceName, KeyProtection protection,
            CompletableFuture<SelfIdentity> result) {
    }

    private final List<CompletableFuture<OrganizationPreview>> previews = new ArrayList<>();
    private final List<EnrollCall> enrolls = new ArrayList<>();

    @Override
    public CompletableFuture<OrganizationPreview> preview(Invite invite) {
        CompletableFuture<OrganizationPreview> f = new CompletableFuture<>();
        previews.add(f);
        return f;
    }

    @Override
    public CompletableFuture<SelfIdentity> enroll(Invite invite, String deviceName, KeyProtection protection) {
        CompletableFuture<SelfIdentity> f = new CompletableFuture<>();
        enrolls.add(new EnrollCall(invite, deviceName, protection, f));
        return f;
    }

    @Override
    public String defaultDeviceName() {
        return "test-host";
    }

    public List<CompletableFuture<OrganizationPreview>> previews() {
        return previews;
    }

    public List<EnrollCall> enrolls() {
        return enrolls;
    }
}

package io.ngisec.app.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.EnrollmentException;
import io.ngisec.app.service.KeyProtection;
import io.ngisec.app.service.OrganizationPreview;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.testing.FakeEnrollmentService;
import io.ngisec.app.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrollViewModelTest {

    private final FakeEnrollmentService service = new FakeEnrollmentService();
    private final EnrollViewModel model = new EnrollViewModel(service);

    @Test
    void aValidInviteShowsServerAndFingerprintAtOnceAndTheOrganizationOnceTheServerNamesIt() {
        model.inviteProperty().set("  " + Samples.invite("https://policy.example:8443") + "\n");

        assertThat(model.inviteValidProperty().get()).isTrue();
        assertThat(model.serverProperty().get()).isEqualTo("https://policy.example:8443");
        assertThat(model.caFingerprintProperty().get()).isEqualTo(Samples.CA.toString());
        assertThat(model.organizationProperty().get()).isEqualTo("checking...");
        assertThat(service.enrolls()).isEmpty();

        service.previews().getFirst().complete(new OrganizationPreview("Acme"));
        assertThat(model.organizationProperty().get()).isEqualTo("Acme");
        assertThat(model.canEnrollProperty().get()).isTrue();
    }

    @Test
    void textThatIsNoInviteSaysWhyInOneLineAndCannotEnroll() {
        model.inviteProperty().set("hello there");

        assertThat(model.inviteProblemProperty().get())
                .isEqualTo("invalid invite: not an NGISec invite (it starts with \"ngisec:invite?\")");
        assertThat(model.serverProperty().get()).isEmpty();
        assertThat(model.canEnrollProperty().get()).isFalse();
        assertThat(service.previews()).isEmpty();
    }

    @Test
    void anUnreachableServerAtPreviewShowsItsErrorButLeavesEnrollOpen() {
        model.inviteProperty().set(Samples.invite("https://127.0.0.1:9"));
        service.previews().getFirst().completeExceptionally(
                new EnrollmentException("cannot reach the policy server at https://127.0.0.1:9: connection refused"));

        assertThat(model.organizationProperty().get()).isEqualTo("unknown");
        assertThat(model.errorProperty().get()).isEqualTo("cannot reach the policy server at https://127.0.0.1:9: connection refused");
        assertThat(model.canEnrollProperty().get()).isTrue();
    }

    @Test
    void aLatePreviewOfAnEarlierInviteIsIgnored() {
        model.inviteProperty().set(Samples.invite("https://one.example"));
        model.inviteProperty().set(Samples.invite("https://two.example"));
        service.previews().getFirst().complete(new OrganizationPreview("One"));

        assertThat(model.organizationProperty().get()).isEqualTo("checking...");
        service.previews().get(1).complete(new OrganizationPreview("Two"));
        assertThat(model.organizationProperty().get()).isEqualTo("Two");
    }

    @Test
    void passphraseProtectionNeedsTwoEqualNonEmptyPassphrases() {
        model.inviteProperty().set(Samples.invite("https://policy.example"));
        model.usePassphraseProperty().set(true);
        assertThat(model.canEnrollProperty().get()).isFalse();
        assertThat(model.passphraseProblemProperty().get()).isEqualTo("type a passphrase");

        model.passphraseProperty().set("correct horse");
        model.confirmationProperty().set("correct hose");
        assertThat(model.passphraseProblemProperty().get()).isEqualTo("the passphrases differ");
        assertThat(model.canEnrollProperty().get()).isFalse();

        model.confirmationProperty().set("correct horse");
        assertThat(model.passphraseProblemProperty().get()).isEmpty();
        assertThat(model.canEnrollProperty().get()).isTrue();
    }

    @Test
    void enrollSendsNameAndProtectionIsBusyUntilTheAnswerAndReportsTheIdentity() {
        List<SelfIdentity> enrolled = new ArrayList<>();
        model.setOnEnrolled(enrolled::add);
        model.inviteProperty().set(Samples.invite("https://policy.example"));
        model.deviceNameProperty().set("  office pc ");
        model.usePassphraseProperty().set(true);
        model.passphraseProperty().set("pw");
        model.confirmationProperty().set("pw");

        model.enroll();

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.canEnrollProperty().get()).isFalse();
        FakeEnrollmentService.EnrollCall call = service.enrolls().getFirst();
        assertThat(call.deviceName()).isEqualTo("office pc");
        assertThat(call.protection()).isInstanceOf(KeyProtection.Passphrase.class);
        assertThat(((KeyProtection.Passphrase) call.protection()).passphrase()).containsExactly('p', 'w');
        SelfIdentity me = Samples.self();
        call.result().complete(me);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(enrolled).containsExactly(me);
    }

    @Test
    void aFailedEnrollmentShowsTheServersOneLineMessageAndCanBeRetried() {
        model.inviteProperty().set(Samples.invite("https://policy.example"));
        assertThat(model.deviceNameProperty().get()).isEqualTo("test-host");
        model.enroll();
        service.enrolls().getFirst().result().completeExceptionally(new EnrollmentException("this invite was already used"));

        assertThat(model.errorProperty().get()).isEqualTo("this invite was already used");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.canEnrollProperty().get()).isTrue();
        assertThat(service.enrolls().getFirst().protection()).isInstanceOf(KeyProtection.GeneratedKey.class);
    }

    @Test
    void aBlankDeviceNameCannotEnroll() {
        model.inviteProperty().set(Samples.invite("https://policy.example"));
        model.deviceNameProperty().set("   ");
        assertThat(model.canEnrollProperty().get()).isFalse();
        model.enroll();
        assertThat(service.enrolls()).isEmpty();
    }
}

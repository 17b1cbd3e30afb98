package io.ngisec.app.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.EnrollmentException;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class UnlockViewModelTest {

    private final List<String> tried = new ArrayList<>();
    private final List<CompletableFuture<SelfIdentity>> answers = new ArrayList<>();
    private final UnlockViewModel model = new UnlockViewModel(passphrase -> {
        tried.add(new String(passphrase));
        CompletableFuture<SelfIdentity> f = new CompletableFuture<>();
        answers.add(f);
        return f;
    }, "alice / laptop");

    @Test
    void aWrongPassphraseShowsTheErrorAndClearsTheField() {
        assertThat(model.canUnlockProperty().get()).isFalse();
        model.passphraseProperty().set("nope");
        model.unlock();

        assertThat(tried).containsExactly("nope");
        assertThat(model.passphraseProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isTrue();
        answers.getFirst().completeExceptionally(new EnrollmentException("wrong passphrase for the keys in /h"));
        assertThat(model.errorProperty().get()).isEqualTo("wrong passphrase for the keys in /h");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theRightPassphraseReportsTheIdentity() {
        List<SelfIdentity> unlocked = new ArrayList<>();
        model.setOnUnlocked(unlocked::add);
        model.passphraseProperty().set("secret");
        model.unlock();
        SelfIdentity me = Samples.self();
        answers.getFirst().complete(me);

        assertThat(unlocked).containsExactly(me);
        assertThat(model.errorProperty().get()).isEmpty();
    }
}

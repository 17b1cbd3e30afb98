package io.ngisec.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyDecideTest {

    private static final String POLICY = """
            {
              "groups": { "eng": ["alice", "bob"], "guest": ["gary"] },
              "rules": [
                { "name": "guests-no-files", "action": "deny", "from": ["group:guest"], "to": ["*"],
                  "services": ["file"] },
                { "name": "eng-all", "action": "allow", "from": ["group:eng"], "to": ["group:eng"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" }, "maxFileSize": "10 GiB" },
                { "name": "anyone-chat", "action": "allow", "from": ["*"], "to": ["group:eng"],
                  "services": { "chat": "AF11" } },
                { "name": "gary-calls-alice", "action": "allow", "from": ["gary"], "to": ["user:alice"],
                  "services": ["call", "file"] },
              ],
            }
            """;

    private final Policy policy = parse(POLICY);
    private final Subject alice = policy.subject("alice", List.of());
    private final Subject bob = policy.subject("bob", List.of());
    private final Subject gary = policy.subject("gary", List.of());
    private final Subject carol = policy.subject("carol", List.of("sales"));

    @Test
    void theFirstRuleThatMatchesSenderReceiverAndServiceDecides() {
        assertThat(policy.decide(alice, bob, Service.CALL))
                .isEqualTo(new Decision(true, "eng-all", QosClass.VOICE, 0));
        assertThat(policy.decide(alice, bob, Service.FILE))
                .isEqualTo(new Decision(true, "eng-all", QosClass.BULK, 10L << 30));
        // gary-calls-alice would allow the file, but the deny rule above it matches first.
        assertThat(policy.decide(gary, alice, Service.FILE)).isEqualTo(Decision.deny("guests-no-files"));
        // The deny rule lists file only, so the call falls through to gary-calls-alice.
        assertThat(policy.decide(gary, alice, Service.CALL))
                .isEqualTo(new Decision(true, "gary-calls-alice", QosClass.VOICE, 0));
        assertThat(policy.decide(gary, bob, Service.CHAT))
                .isEqualTo(new Decision(true, "anyone-chat", QosClass.BULK, 0));
    }

    @Test
    void whatNoRuleAllowsIsDeniedByDefault() {
        Decision decision = policy.decide(gary, bob, Service.CALL);

        assertThat(decision).isEqualTo(new Decision(false, Decision.DEFAULT_DENY, null, 0));
        assertThat(decision.isDefaultDeny()).isTrue();
        assertThat(policy.decide(carol, gary, Service.CHAT).isDefaultDeny()).isTrue();
    }

    @Test
    void rulesAreOneWay() {
        assertThat(policy.decide(carol, alice, Service.CHAT).allowed()).isTrue();
        assertThat(policy.decide(alice, carol, Service.CHAT).allowed()).isFalse();
        assertThat(policy.mayContact(carol, alice)).isTrue();
        assertThat(policy.mayContact(alice, carol)).isFalse();
    }

    @Test
    void decideAllCoversCallChatAndFileAndGrantsKeepsTheAllowedOnes() {
        Map<Service, Decision> all = policy.decideAll(gary, alice);

        assertThat(all).containsOnlyKeys(Service.CALL, Service.CHAT, Service.FILE);
        assertThat(all.get(Service.CALL).rule()).isEqualTo("gary-calls-alice");
        assertThat(all.get(Service.CHAT).rule()).isEqualTo("anyone-chat");
        assertThat(all.get(Service.FILE).rule()).isEqualTo("guests-no-files");
        assertThat(policy.grants(gary, alice))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.BULK));
        assertThat(policy.grants(alice, gary)).isEmpty();
    }

    @Test
    void controlIsNotAPolicyDecision() {
        assertThatThrownBy(() -> policy.decide(alice, bob, Service.CONTROL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ceilingsBoundTheClassesADecisionPermits() {
        Decision chat = policy.decide(gary, bob, Service.CHAT);

        assertThat(chat.ceiling()).isEqualTo(QosClass.BULK);
        assertThat(chat.permits(QosClass.BEST_EFFORT)).isTrue();
        assertThat(chat.permits(QosClass.BULK)).isTrue();
        assertThat(chat.permits(QosClass.INTERACTIVE)).isFalse();
        assertThat(chat.permits(QosClass.VOICE)).isFalse();
        assertThat(Decision.deny("x").permits(QosClass.BEST_EFFORT)).isFalse();
        assertThat(QosClass.INTERACTIVE.atMost(policy.decide(alice, bob, Service.CHAT).ceiling())).isTrue();
        assertThat(QosClass.VOICE.atMost(policy.decide(alice, bob, Service.CHAT).ceiling())).isFalse();
    }

    @Test
    void aSubjectHasItsEnrollmentGroupsAndThoseThePolicyGivesIt() {
        assertThat(policy.subject("alice", List.of("ops"))).isEqualTo(new Subject("alice", Set.of("ops", "eng")));
        assertThat(policy.subject("zed", List.of())).isEqualTo(new Subject("zed", Set.of()));
        assertThat(policy.groupsOf("gary")).containsExactly("guest");

        // An enrollment group counts as much as a policy group.
        Subject enrolledEng = policy.subject("erin", List.of("eng"));
        assertThat(policy.decide(enrolledEng, alice, Service.CALL).rule()).isEqualTo("eng-all");
    }

    @Test
    void policyGroupsCountEvenForSubjectsBuiltWithoutThem() {
        assertThat(policy.decide(Subject.of("alice"), Subject.of("bob"), Service.CALL).rule()).isEqualTo("eng-all");
    }

    @Test
    void classesMayBeNamedByUseOrByDscpInAnyCase() {
        Policy p = parse("""
                {"rules": [{"name": "r", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": {"call": "ef", "chat": "Best-Effort", "file": "CONTROL"}}]}
                """);
        Map<Service, QosClass> grants = p.grants(Subject.of("a"), Subject.of("b"));

        assertThat(grants).containsExactlyInAnyOrderEntriesOf(Map.of(
                Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.BEST_EFFORT, Service.FILE, QosClass.CONTROL));
    }

    @Test
    void explainsDecisionsInWords() {
        assertThat(policy.decide(alice, bob, Service.FILE).explain(Service.FILE))
                .isEqualTo("rule \"eng-all\" allows file at bulk (AF11), files up to 10 GiB");
        assertThat(policy.decide(alice, bob, Service.CALL).explain(Service.CALL))
                .isEqualTo("rule \"eng-all\" allows call at voice (EF)");
        assertThat(policy.decide(gary, alice, Service.FILE).explain(Service.FILE))
                .isEqualTo("rule \"guests-no-files\" denies file");
        assertThat(policy.decide(gary, bob, Service.CALL).explain(Service.CALL))
                .isEqualTo("no rule allows call (default-deny)");
    }

    @Test
    void decisionsRefuseInconsistentStates() {
        assertThatThrownBy(() -> new Decision(true, "r", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(false, "r", QosClass.BULK, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(false, "r", null, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(true, "r", QosClass.BULK, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theParsedModelCannotBeChanged() {
        assertThatThrownBy(() -> policy.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.groups().get("eng").add("mallory")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.rules().get(1).ceilings().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.decideAll(alice, bob).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    static Policy parse(String text) {
        try {
            return Policy.parse(text);
        } catch (PolicyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}

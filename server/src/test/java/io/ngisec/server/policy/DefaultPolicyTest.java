package io.ngisec.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultPolicyTest {

    @Test
    void letsEveryoneCallChatAndSendFilesAtTheServicesClasses() throws PolicyException {
        Policy policy = Policy.parse(Policy.defaultPolicy("Example Corp"));
        Subject alice = policy.subject("alice", List.of("eng"));
        Subject gary = policy.subject("gary", List.of());

        assertThat(policy.text()).contains("// NGISec policy for Example Corp.").contains("guests-no-files");
        assertThat(policy.grants(alice, gary)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.INTERACTIVE, Service.FILE, QosClass.BULK));
        assertThat(policy.grants(gary, alice)).hasSize(3);
        assertThat(policy.decide(gary, alice, Service.FILE).maxFileBytes()).isZero();
        assertThat(policy.rules()).extracting(Rule::name).containsExactly("everyone");
    }

    @Test
    void itsCommentedDenyExampleWorksWhenUncommented() throws PolicyException {
        String text = Policy.defaultPolicy("x").replaceAll("(?m)^    // ( *[{}\"].*)$", "    $1");
        Policy policy = Policy.parse(text);

        assertThat(policy.rules()).extracting(Rule::name).containsExactly("guests-no-files", "everyone");
        assertThat(policy.decide(policy.subject("gary", List.of()), Subject.of("alice"), Service.FILE))
                .isEqualTo(Decision.deny("guests-no-files"));
        assertThat(policy.decide(policy.subject("gary", List.of()), Subject.of("alice"), Service.CALL).allowed()).isTrue();
    }

    @Test
    void anOrganizationNameCannotBreakTheFile() throws PolicyException {
        Policy policy = Policy.parse(Policy.defaultPolicy("Evil\n}\r\u2028 */ \"rules\": [] %s"));

        assertThat(policy.rules()).hasSize(1);
        assertThat(Policy.parse(Policy.defaultPolicy("  ")).text()).contains("policy for this organization");
    }
}

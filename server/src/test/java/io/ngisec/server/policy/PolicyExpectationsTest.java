package io.ngisec.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.policy.Expectation.Party;
import io.ngisec.server.policy.PolicyException.Reason;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyExpectationsTest {

    private static final Policy POLICY = PolicyDecideTest.parse("""
            {
              "groups": { "eng": ["alice", "bob"], "guest": ["gary"] },
              "rules": [
                { "name": "guests-no-files", "action": "deny", "from": ["group:guest"], "to": ["*"],
                  "services": ["file"] },
                { "name": "eng-all", "action": "allow", "from": ["group:eng"], "to": ["group:eng"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" }, "maxFileSize": "10 GiB" },
                { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": { "call": "interactive", "chat": "interactive" } },
              ],
            }
            """);

    @Test
    void readsEveryFormOfTheGrammar() throws PolicyException {
        PolicyExpectations parsed = PolicyExpectations.parse("""
                # who talks to whom
                alice may call bob
                  alice MAY Call user:bob with EF   # a comment after an expectation

                alice may chat with group:eng with af21
                guest may not send files to eng
                alice may send file to bob with bulk up to 5 GiB
                alice may not send files to bob up to 20GiB
                """);

        assertThat(parsed.expectations()).containsExactly(
                new Expectation(2, "alice may call bob", either("alice"), true, Service.CALL, either("bob"), null, 0),
                new Expectation(3, "alice MAY Call user:bob with EF", either("alice"), true, Service.CALL,
                        new Party(Party.Kind.USER, "bob"), QosClass.VOICE, 0),
                new Expectation(5, "alice may chat with group:eng with af21", either("alice"), true, Service.CHAT,
                        new Party(Party.Kind.GROUP, "eng"), QosClass.INTERACTIVE, 0),
                new Expectation(6, "guest may not send files to eng", either("guest"), false, Service.FILE,
                        either("eng"), null, 0),
                new Expectation(7, "alice may send file to bob with bulk up to 5 GiB", either("alice"), true,
                        Service.FILE, either("bob"), QosClass.BULK, 5L << 30),
                new Expectation(8, "alice may not send files to bob up to 20GiB", either("alice"), false,
                        Service.FILE, either("bob"), null, 20L << 30));
    }

    @Test
    void anEmptyFileHasNoExpectationsAndPasses() throws PolicyException {
        PolicyTestReport report = PolicyExpectations.parse("# nothing yet\n\n").run(POLICY, Map.of());

        assertThat(report.lines()).isEmpty();
        assertThat(report.allPassed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            alice                                   | expected "may" at the end
            alice can call bob                      | expected "may", not "can"
            alice may                               | expected call, chat with or send files to at the end
            alice may phone bob                     | expected call, chat with or send files to, not "phone"
            alice may chat bob                      | expected "with", not "bob"
            alice may send bob                      | expected "files" after "send", not "bob"
            alice may send files bob                | expected "to", not "bob"
            alice may call                          | expected a user or group name at the end
            alice may call bob with                 | expected a QoS class such as EF or voice at the end
            alice may call bob with AF41            | unknown QoS class "AF41"; the classes are
            alice may call bob up to 1 GiB          | "up to SIZE" applies to sending files only
            alice may send files to bob up to lots  | expected a size such as "10 GiB" after "up to", not "lots"
            alice may call bob now                  | unexpected "now" after the expectation
            al/ice may call bob                     | "al/ice" is not a user or group name
            alice may call group:                   | "group:" is not a user or group name
            """)
    void refusesLinesThatAreNotExpectationsNamingTheLine(String line, String message) {
        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> PolicyExpectations.parse("alice may call bob\n\n" + line + "\nbob may call alice\n"));

        assertThat(e.reason()).isEqualTo(Reason.BAD_EXPECTATION);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("line 3: ").contains(message)
                .contains("in \"" + line + "\"").contains("expectations read like");
    }

    @Test
    void reportsPassesAndFailuresWithTheRuleAtFault() throws PolicyException {
        PolicyExpectations expectations = PolicyExpectations.parse("""
                alice may call bob with EF
                guest may not send files to eng
                alice may chat with carol
                carol may call alice with EF
                guest may send files to eng
                gary may not call alice
                alice may send files to bob up to 20 GiB
                carol may send files to bob
                """);

        PolicyTestReport report = expectations.run(POLICY, Map.of("carol", Set.of("sales")));

        assertThat(report.passed()).extracting(PolicyTestReport.Outcome::line).containsExactly(1, 2, 3);
        assertThat(report.failed()).extracting(PolicyTestReport.Outcome::message).containsExactly(
                "line 4: expected \"carol may call alice with EF\" but rule \"everyone\" allows call at interactive (AF21)",
                "line 5: expected \"guest may send files to eng\" but rule \"guests-no-files\" denies file",
                "line 6: expected \"gary may not call alice\" but rule \"everyone\" allows call at interactive (AF21)",
                "line 7: expected \"alice may send files to bob up to 20 GiB\" but rule \"eng-all\" allows file at "
                        + "bulk (AF11), files up to 10 GiB",
                "line 8: expected \"carol may send files to bob\" but no rule allows file (default-deny)");
        assertThat(report.passed().get(0).message())
                .isEqualTo("line 1: \"alice may call bob with EF\" holds: rule \"eng-all\" allows call at voice (EF)");
        assertThat(report.allPassed()).isFalse();
        assertThat(report.summary()).isEqualTo("8 expectations: 3 passed, 5 failed");
    }

    @Test
    void aGroupNameStandsForAMemberOfOnlyThatGroup() throws PolicyException {
        Policy policy = PolicyDecideTest.parse("""
                {"groups": {"eng": ["alice"]},
                 "rules": [{"name": "eng", "action": "allow", "from": ["group:eng"], "to": ["*"], "services": ["chat"]},
                           {"name": "ops", "action": "allow", "from": ["group:ops"], "to": ["*"], "services": ["call"]}]}
                """);

        PolicyTestReport report = PolicyExpectations.parse("""
                eng may chat with ops
                eng may not call ops
                ops may call eng
                ops may not chat with eng
                group:sales may not chat with alice
                user:zed may not chat with alice
                """).run(policy, Map.of());

        assertThat(report.failed()).isEmpty();
        assertThat(report.lines()).hasSize(6);
    }

    @Test
    void aUserNameWinsOverAGroupOfTheSameName() throws PolicyException {
        PolicyTestReport report = PolicyExpectations.parse("ops may call bob\ngroup:ops may not call bob\n")
                .run(PolicyDecideTest.parse("""
                        {"rules": [{"name": "r", "action": "allow", "from": ["user:ops"], "to": ["*"],
                                    "services": ["call"]}]}
                        """), Map.of("ops", Set.of("ops"), "bob", Set.of()));

        assertThat(report.failed()).isEmpty();
    }

    @Test
    void enrollmentGroupsFromTheDirectoryCount() throws PolicyException {
        PolicyTestReport report = PolicyExpectations.parse("erin may call bob with voice\n")
                .run(POLICY, Map.of("erin", Set.of("eng")));

        assertThat(report.allPassed()).isTrue();
    }

    @Test
    void aBareNameNoOneKnowsFailsItsLine() throws PolicyException {
        PolicyTestReport report = PolicyExpectations.parse("alice may call bob\nalice may not call zed\n")
                .run(POLICY, Map.of());

        assertThat(report.failed()).extracting(PolicyTestReport.Outcome::message).containsExactly(
                "line 2: \"alice may not call zed\" names \"zed\", which is neither a user nor a group");
    }

    private static Party either(String name) {
        return new Party(Party.Kind.EITHER, name);
    }
}

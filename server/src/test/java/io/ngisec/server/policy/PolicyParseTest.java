package io.ngisec.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.policy.PolicyException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParseTest {

    static final String EXAMPLE = """
            {
              // Groups beyond those given at enrollment
              "groups": { "eng": ["alice", "user:bob"], "guest": ["gary"], "empty": [] },
              /* first match wins */
              "rules": [
                { "name": "guests-no-files", "action": "deny", "from": ["group:guest"], "to": ["*"],
                  "services": ["file"] },
                { "name": "eng-all", "action": "Allow", "from": ["group:eng"], "to": ["group:eng", "carol"],
                  "services": { "call": "EF", "chat": "af21", "FILE": "bulk" }, "maxFileSize": "10 GiB" },
                { "name": "defaults", "action": "allow", "from": ["user:carol"], "to": ["*"],
                  "services": ["*"], "maxFileSize": 1000, },
              ],
            }
            """;

    @Test
    void readsGroupsRulesSelectorsCeilingsAndSizes() throws PolicyException {
        Policy policy = Policy.parse(EXAMPLE);

        assertThat(policy.text()).isEqualTo(EXAMPLE);
        assertThat(policy.groups()).containsExactly(
                Map.entry("eng", Set.of("alice", "bob")), Map.entry("guest", Set.of("gary")), Map.entry("empty", Set.of()));
        assertThat(policy.rules()).extracting(Rule::name).containsExactly("guests-no-files", "eng-all", "defaults");

        Rule deny = policy.rules().get(0);
        assertThat(deny.action()).isEqualTo(Rule.Action.DENY);
        assertThat(deny.from()).containsExactly(new Selector(Selector.Kind.GROUP, "guest"));
        assertThat(deny.to()).containsExactly(new Selector(Selector.Kind.ANY, ""));
        assertThat(deny.services()).containsExactly(Service.FILE);
        assertThat(deny.ceilings()).isEmpty();

        Rule eng = policy.rules().get(1);
        assertThat(eng.action()).isEqualTo(Rule.Action.ALLOW);
        assertThat(eng.to()).extracting(Selector::toString).containsExactly("group:eng", "user:carol");
        assertThat(eng.ceilings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.INTERACTIVE, Service.FILE, QosClass.BULK));
        assertThat(eng.maxFileBytes()).isEqualTo(10L << 30);

        Rule defaults = policy.rules().get(2);
        assertThat(defaults.ceilings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.INTERACTIVE, Service.FILE, QosClass.BULK));
        assertThat(defaults.maxFileBytes()).isEqualTo(1000);
    }

    @Test
    void anEmptyRuleListIsValidAndDeniesEverything() throws PolicyException {
        Policy policy = Policy.parse("{\"rules\": []}");

        assertThat(policy.groups()).isEmpty();
        assertThat(policy.mayContact(Subject.of("a"), Subject.of("b"))).isFalse();
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                bad("", Reason.SYNTAX, null, "the policy file is empty"),
                bad("  // only a comment\n", Reason.SYNTAX, null, "the policy file is empty"),
                bad("{\"rules\": [}", Reason.SYNTAX, "}", "Unexpected close marker '}'"),
                bad("{\"rules\": []} {}", Reason.SYNTAX, "{}", "unexpected content after the end of the policy file"),
                bad("{\"rules\": [], 'groups': {}}", Reason.SYNTAX, "'groups'", "Unexpected character"),
                bad("{\"rules\": [\n  /* unclosed comment\n]}", Reason.SYNTAX, null, "comment"),
                bad("[]", Reason.WRONG_TYPE, "[]", "the policy file must be an object, not a list"),
                bad("{}", Reason.MISSING_KEY, "{}", "the policy file has no \"rules\""),
                bad("{\"rules\": [],\n \"rulez\": []}", Reason.UNKNOWN_KEY, "\"rulez\"",
                        "unknown key \"rulez\" in the policy file; the keys are groups, rules"),
                bad("{\"rules\": [], \"rules\": []}", Reason.DUPLICATE, "\"rules\"",
                        "key \"rules\" appears twice in the same object"),
                bad("{\"rules\": {}}", Reason.WRONG_TYPE, "{}", "\"rules\" must be a list of rules, not an object"),
                bad("{\"rules\": [[]]}", Reason.WRONG_TYPE, "[]", "rule 1 must be an object, not a list"),
                bad("{\"groups\": [], \"rules\": []}", Reason.WRONG_TYPE, "[], \"rules\"",
                        "\"groups\" must be an object, not a list"),
                bad("{\"groups\": {\"../x\": []}, \"rules\": []}", Reason.BAD_NAME, "\"../x\"",
                        "group name \"../x\" is not valid: use 1 to 64 letters, digits"),
                bad("{\"groups\": {\"eng\": \"alice\"}, \"rules\": []}", Reason.WRONG_TYPE, "\"alice\"",
                        "group \"eng\" must be a list of user names, not a string"),
                bad("{\"groups\": {\"eng\": [1]}, \"rules\": []}", Reason.WRONG_TYPE, "1]",
                        "a member of group \"eng\" must be a string, not a number"),
                bad("{\"groups\": {\"eng\": [\"group:ops\"]}, \"rules\": []}", Reason.BAD_SELECTOR, "\"group:ops\"",
                        "group \"eng\" lists \"group:ops\", but groups list users only"),
                bad("{\"groups\": {\"eng\": [\"a b\"]}, \"rules\": []}", Reason.BAD_NAME, "\"a b\"",
                        "user name \"a b\" in group \"eng\" is not valid"),
                bad("{\"groups\": {\"eng\": [\"al\", \"user:al\"]}, \"rules\": []}", Reason.DUPLICATE, "\"user:al\"",
                        "group \"eng\" lists \"al\" twice"),
                bad(rules("{\"acton\": \"allow\"}"), Reason.UNKNOWN_KEY, "\"acton\"",
                        "unknown key \"acton\" in rule 1; the keys are name, action, from, to, services, maxFileSize"),
                bad(rules("{\"action\": \"allow\", \"from\": [\"*\"], \"to\": [\"*\"], \"services\": [\"call\"]}"),
                        Reason.MISSING_KEY, "{\"action\"", "rule 1 has no \"name\""),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "[\"call\"]"), "{\"name\": \"r\"}"),
                        Reason.DUPLICATE, "\"r\"", "two rules are called \"r\"; rule names must be unique"),
                bad(rules("{\"name\": \"has space\"}"), Reason.BAD_NAME, "\"has space\"", "rule name \"has space\" is not valid"),
                bad(rules("{\"name\": 7}"), Reason.WRONG_TYPE, "7}", "the name of rule 1 must be a string, not a number"),
                bad(rules("{\"name\": \"default-deny\"}"), Reason.BAD_NAME, "\"default-deny\"",
                        "rule name \"default-deny\" is reserved"),
                bad(rules("{\"name\": \"r\", \"from\": [\"*\"]}"), Reason.MISSING_KEY, "{\"name\"",
                        "rule \"r\" has no \"action\""),
                bad(rules(rule("r", "permit", "[\"*\"]", "[\"*\"]", "[\"call\"]")), Reason.UNKNOWN_ACTION, "\"permit\"",
                        "action \"permit\" of rule \"r\" is neither \"allow\" nor \"deny\""),
                bad(rules(rule("r", "allow", "[]", "[\"*\"]", "[\"call\"]")), Reason.EMPTY, "[], \"to\"",
                        "\"from\" of rule \"r\" is empty: name at least one user or group"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[]", "[\"call\"]")), Reason.EMPTY, "[], \"services\"",
                        "\"to\" of rule \"r\" is empty"),
                bad(rules(rule("r", "allow", "\"*\"", "[\"*\"]", "[\"call\"]")), Reason.WRONG_TYPE, "\"*\", \"to\"",
                        "\"from\" of rule \"r\" must be a list of selectors"),
                bad(rules(rule("r", "allow", "[\"role:x\"]", "[\"*\"]", "[\"call\"]")), Reason.BAD_SELECTOR, "\"role:x\"",
                        "selector \"role:x\" in \"from\" of rule \"r\" is not \"*\", \"user:NAME\", \"group:NAME\" or a user name"),
                bad(rules(rule("r", "allow", "[\"group:\"]", "[\"*\"]", "[\"call\"]")), Reason.BAD_NAME, "\"group:\"",
                        "group name \"\" in \"from\" of rule \"r\" is not valid"),
                bad(rules(rule("r", "allow", "[\"a\", \"user:a\"]", "[\"*\"]", "[\"call\"]")), Reason.DUPLICATE,
                        "\"user:a\"", "\"from\" of rule \"r\" lists \"user:a\" twice"),
                bad(rules(rule("r", "allow", "[\"*\", \"a\"]", "[\"*\"]", "[\"call\"]")), Reason.BAD_SELECTOR,
                        "[\"*\", \"a\"]", "\"from\" of rule \"r\" lists \"*\" with others"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "[\"video\"]")), Reason.UNKNOWN_SERVICE, "\"video\"",
                        "unknown service \"video\" in rule \"r\"; the services are call, chat, file"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "{\"call\": \"voice\", \"fax\": \"bulk\"}")),
                        Reason.UNKNOWN_SERVICE, "\"fax\"", "unknown service \"fax\""),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "{\"call\": \"gold\"}")), Reason.UNKNOWN_CLASS, "\"gold\"",
                        "unknown QoS class \"gold\" for call in rule \"r\"; the classes are best_effort/CS0, bulk/AF11, "
                                + "interactive/AF21, control/AF31, voice/EF"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "{\"call\": 4}")), Reason.WRONG_TYPE, "4}",
                        "the class of call in rule \"r\" must be a string, not a number"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "[\"chat\", \"CHAT\"]")), Reason.DUPLICATE, "\"CHAT\"",
                        "rule \"r\" lists service chat twice"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "[\"*\", \"file\"]")), Reason.DUPLICATE, "\"file\"",
                        "rule \"r\" lists service file twice"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "[]")), Reason.EMPTY, "[]",
                        "\"services\" of rule \"r\" is empty"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "{}")), Reason.EMPTY, "{}",
                        "\"services\" of rule \"r\" is empty"),
                bad(rules(rule("r", "allow", "[\"*\"]", "[\"*\"]", "\"call\"")), Reason.WRONG_TYPE, "\"call\"",
                        "\"services\" of rule \"r\" must be a list such as [\"chat\"] or an object"),
                bad(rules(rule("r", "deny", "[\"*\"]", "[\"*\"]", "{\"file\": \"bulk\"}")), Reason.MISPLACED_LIMIT,
                        "{\"file\"", "deny rule \"r\" gives QoS classes; a deny rule lists its services only"),
                bad(rules(sized("deny", "[\"file\"]", "\"1 GB\"")), Reason.MISPLACED_LIMIT, "\"maxFileSize\"",
                        "deny rule \"r\" has a maxFileSize; only allow rules limit file sizes"),
                bad(rules(sized("allow", "[\"chat\"]", "\"1 GB\"")), Reason.MISPLACED_LIMIT, "\"maxFileSize\"",
                        "rule \"r\" has a maxFileSize but does not allow file"),
                bad(rules(sized("allow", "[\"file\"]", "\"10 GiB!\"")), Reason.BAD_SIZE, "\"10 GiB!\"",
                        "maxFileSize of rule \"r\" must be a positive size such as \"10 GiB\" or \"500 MB\", not \"10 GiB!\""),
                bad(rules(sized("allow", "[\"file\"]", "\"0 B\"")), Reason.BAD_SIZE, "\"0 B\"", "not \"0 B\""),
                bad(rules(sized("allow", "[\"file\"]", "\"10 Gb/s\"")), Reason.BAD_SIZE, "\"10 Gb/s\"", "not \"10 Gb/s\""),
                bad(rules(sized("allow", "[\"file\"]", "-5")), Reason.BAD_SIZE, "-5", "not \"-5\""),
                bad(rules(sized("allow", "[\"file\"]", "99999999999999999999")), Reason.BAD_SIZE, "99999999999999999999",
                        "not \"99999999999999999999\""),
                bad(rules(sized("allow", "[\"file\"]", "1.5")), Reason.WRONG_TYPE, "1.5", "not a number"),
                bad(rules(sized("allow", "[\"file\"]", "true")), Reason.WRONG_TYPE, "true", "not true"),
                bad("{\"rules\": [[[[[[[[[]]]]]]]]]}", Reason.TOO_LARGE, "[[]", "nested deeper than 8 levels"),
                bad("{\"rules\": [], \"x\": \"" + "a".repeat(1 << 20) + "\"}", Reason.TOO_LARGE, null,
                        "the policy file is longer than 1048576 chars"));
    }

    @ParameterizedTest
    @MethodSource("invalidFiles")
    void refusesInvalidFilesSayingWhereAndWhy(String text, Reason reason, String pointsAt, String message) {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> Policy.parse(text));

        assertThat(e).as("parsing %s", text.length() > 200 ? text.substring(0, 200) : text).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(message).doesNotContain("\n").doesNotContain("Source");
        if (pointsAt != null) {
            // The error points at the last occurrence of pointsAt: the offending token.
            int index = text.lastIndexOf(pointsAt);
            int line = (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
            int column = index - text.lastIndexOf('\n', index - 1);
            assertThat(e.getMessage()).startsWith("line " + line + ", column " + column + ": ");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
        } else if (reason != Reason.SYNTAX) {
            assertThat(e.line()).isZero();
        }
    }

    @Test
    void quotesBadInputSafelyOnOneLine() {
        String name = "evil\u001b[31m\nname" + "x".repeat(200);
        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> Policy.parse("{\"groups\": {\"" + name.replace("\n", "\\n").replace("\u001b", "\\u001b")
                        + "\": []}, \"rules\": []}"));

        assertThat(e.reason()).isEqualTo(Reason.BAD_NAME);
        assertThat(e.getMessage()).contains("\"evil\\u001b[31m\\u000aname").contains("...\"")
                .doesNotContain("\n").doesNotContain("\u001b").hasSizeLessThan(300);
    }

    @Test
    void nullTextIsAProgrammingError() {
        assertThatThrownBy(() -> Policy.parse(null)).isInstanceOf(NullPointerException.class);
    }

    private static Arguments bad(String text, Reason reason, String pointsAt, String message) {
        return Arguments.of(text, reason, pointsAt, message);
    }

    /** A policy whose rules each start a line, from line 2 on. */
    private static String rules(String... rules) {
        return "{\"rules\": [\n" + String.join(",\n", List.of(rules)) + "\n]}";
    }

    private static String rule(String name, String action, String from, String to, String services) {
        return "{\"name\": \"" + name + "\", \"action\": \"" + action + "\", \"from\": " + from + ", \"to\": " + to
                + ", \"services\": " + services + "}";
    }

    private static String sized(String action, String services, String size) {
        String rule = rule("r", action, "[\"*\"]", "[\"*\"]", services);
        return rule.substring(0, rule.length() - 1) + ", \"maxFileSize\": " + size + "}";
    }
}

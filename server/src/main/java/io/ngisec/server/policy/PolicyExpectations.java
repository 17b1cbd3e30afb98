package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.policy.Expectation.Party;
import io.ngisec.server.policy.PolicyException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A policy test file ({@code ngisec server policy test FILE}): expectations about who may do what,
 * one per line, checked against a policy before it is applied. Grammar, with keywords in any case,
 * {@code #} starting a comment and blank lines ignored:
 *
 * <pre>
 * NAME may [not] call NAME [with CLASS]
 * NAME may [not] chat with NAME [with CLASS]
 * NAME may [not] send files to NAME [with CLASS] [up to SIZE]
 * </pre>
 *
 * NAME is {@code user:NAME}, {@code group:NAME} (a member of only that group) or a bare name (the
 * user of that name if the policy or the user directory knows one, else a member of the group).
 * {@code with CLASS} (a class or DSCP name, such as EF) requires the ceiling to be at least that
 * class; {@code up to SIZE} requires files of that size to be allowed. Immutable.
 */
public final class PolicyExpectations {

    private static final String EXAMPLES =
            "expectations read like \"alice may call bob with EF\", \"alice may chat with bob\", "
                    + "\"guest may not send files to eng\"";

    private final List<Expectation> expectations;

    private PolicyExpectations(List<Expectation> expectations) {
        this.expectations = List.copyOf(expectations);
    }

    /**
     * The expectations {@code text} states.
     *
     * @throws PolicyException with reason {@link Reason#BAD_EXPECTATION} naming the first line that
     *                         is not an expectation, or {@link Reason#TOO_LARGE}
     */
    public static PolicyExpectations parse(String text) throws PolicyException {
        if (text.length() > PolicyLimits.MAX_TEXT_CHARS) {
            throw new PolicyException(Reason.TOO_LARGE,
                    "the policy test file is longer than " + PolicyLimits.MAX_TEXT_CHARS + " chars");
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Expectation> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int hash = lines[i].indexOf('#');
            String content = (hash >= 0 ? lines[i].substring(0, hash) : lines[i]).strip();
            if (!content.isEmpty()) {
                out.add(new LineParser(i + 1, content).expectation());
            }
        }
        return new PolicyExpectations(out);
    }

    /** The expectations in file order. */
    public List<Expectation> expectations() {
        return expectations;
    }

    /**
     * Checks every expectation against {@code policy}. {@code users} is the user directory: each
     * enrolled user's enrollment groups (may be empty; the policy's own groups always count). A
     * bare name that is neither a known user nor a known group fails its line.
     */
    public PolicyTestReport run(Policy policy, Map<String, Set<String>> users) {
        Set<String> knownUsers = new HashSet<>(policy.namedUsers());
        knownUsers.addAll(users.keySet());
        Set<String> knownGroups = new HashSet<>(policy.namedGroups());
        users.values().forEach(knownGroups::addAll);

        List<PolicyTestReport.Outcome> outcomes = new ArrayList<>();
        for (Expectation e : expectations) {
            String prefix = "line " + e.line() + ": ";
            Optional<Subject> from = subject(e.from(), policy, users, knownUsers, knownGroups);
            Optional<Subject> to = subject(e.to(), policy, users, knownUsers, knownGroups);
            if (from.isEmpty() || to.isEmpty()) {
                String unknown = (from.isEmpty() ? e.from() : e.to()).name();
                outcomes.add(new PolicyTestReport.Outcome(e.line(), e.text(), false, prefix + "\"" + e.text()
                        + "\" names " + PolicyNames.quote(unknown) + ", which is neither a user nor a group"));
                continue;
            }
            Decision decision = policy.decide(from.get(), to.get(), e.service());
            boolean held = e.heldBy(decision);
            String message = held
                    ? prefix + "\"" + e.text() + "\" holds: " + decision.explain(e.service())
                    : prefix + "expected \"" + e.text() + "\" but " + decision.explain(e.service());
            outcomes.add(new PolicyTestReport.Outcome(e.line(), e.text(), held, message));
        }
        return new PolicyTestReport(outcomes);
    }

    private static Optional<Subject> subject(Party party, Policy policy, Map<String, Set<String>> users,
                                             Set<String> knownUsers, Set<String> knownGroups) {
        boolean user = party.kind() == Party.Kind.USER
                || (party.kind() == Party.Kind.EITHER && knownUsers.contains(party.name()));
        if (user) {
            return Optional.of(policy.subject(party.name(), users.getOrDefault(party.name(), Set.of())));
        }
        if (party.kind() == Party.Kind.GROUP || knownGroups.contains(party.name())) {
            // Spaces and parentheses make a name no user has and no selector can match.
            return Optional.of(new Subject("(member of " + party.name() + ")", Set.of(party.name())));
        }
        return Optional.empty();
    }

    /** Reads one non-blank line of a policy test file. */
    private static final class LineParser {

        private final int line;
        private final String text;
        private final List<String> tokens;
        private int next;

        LineParser(int line, String text) {
            this.line = line;
            this.text = text;
            this.tokens = Arrays.asList(text.split("\\s+"));
        }

        Expectation expectation() throws PolicyException {
            Party from = party();
            keyword("may");
            boolean may = !peek("not");
            if (!may) {
                next++;
            }
            Service service = verb();
            Party to = party();
            QosClass atLeast = null;
            long fileBytes = 0;
            if (peek("with")) {
                next++;
                String name = token("a QoS class such as EF or voice");
                atLeast = QosNames.parse(name).orElseThrow(() -> fail("unknown QoS class " + PolicyNames.quote(name)
                        + "; the classes are " + QosNames.choices()));
            }
            if (peek("up")) {
                next++;
                keyword("to");
                if (service != Service.FILE) {
                    throw fail("\"up to SIZE\" applies to sending files only");
                }
                String size = String.join(" ", tokens.subList(Math.min(next, tokens.size()), tokens.size()));
                next = tokens.size();
                OptionalLong bytes = ByteSize.parse(size);
                if (bytes.isEmpty()) {
                    throw fail("expected a size such as \"10 GiB\" after \"up to\", not " + PolicyNames.quote(size));
                }
                fileBytes = bytes.getAsLong();
            }
            if (next < tokens.size()) {
                throw fail("unexpected " + PolicyNames.quote(tokens.get(next)) + " after the expectation");
            }
            return new Expectation(line, text, from, may, service, to, atLeast, fileBytes);
        }

        private Service verb() throws PolicyException {
            String verb = token("call, chat with or send files to").toLowerCase(Locale.ROOT);
            switch (verb) {
                case "call" -> {
                    return Service.CALL;
                }
                case "chat" -> {
                    keyword("with");
                    return Service.CHAT;
                }
                case "send" -> {
                    String what = token("\"files\"").toLowerCase(Locale.ROOT);
                    if (!what.equals("files") && !what.equals("file")) {
                        throw fail("expected \"files\" after \"send\", not " + PolicyNames.quote(what));
                    }
                    keyword("to");
                    return Service.FILE;
                }
                default -> throw fail("expected call, chat with or send files to, not " + PolicyNames.quote(verb));
            }
        }

        private Party party() throws PolicyException {
            String word = token("a user or group name");
            Party party;
            if (word.startsWith("user:")) {
                party = new Party(Party.Kind.USER, word.substring("user:".length()));
            } else if (word.startsWith("group:")) {
                party = new Party(Party.Kind.GROUP, word.substring("group:".length()));
            } else {
                party = new Party(Party.Kind.EITHER, word);
            }
            if (!PolicyNames.isValid(party.name())) {
                throw fail(PolicyNames.quote(word) + " is not a user or group name");
            }
            return party;
        }

        private void keyword(String keyword) throws PolicyException {
            String word = token("\"" + keyword + "\"");
            if (!word.equalsIgnoreCase(keyword)) {
                throw fail("expected \"" + keyword + "\", not " + PolicyNames.quote(word));
            }
        }

        private boolean peek(String keyword) {
            return next < tokens.size() && tokens.get(next).equalsIgnoreCase(keyword);
        }

        private String token(String expected) throws PolicyException {
            if (next >= tokens.size()) {
                throw fail("expected " + expected + " at the end");
            }
            return tokens.get(next++);
        }

        private PolicyException fail(String detail) {
            return new PolicyException(Reason.BAD_EXPECTATION, line, 0,
                    detail + " in " + PolicyNames.quote(text) + "; " + EXAMPLES);
        }
    }
}

package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An organization's policy: who may call, chat with and send files to whom, at which QoS class and
 * up to which file size. Parsed from a HuJSON file (JSON with comments and trailing commas):
 *
 * <pre>{@code
 * {
 *   // Groups beyond those given at enrollment: group name -> user names.
 *   "groups": { "eng": ["alice", "bob"], "guest": ["gary"] },
 *   "rules": [  // first match wins; what no rule allows is denied
 *     { "name": "guests-no-files", "action": "deny", "from": ["group:guest"], "to": ["*"],
 *       "services": ["file"] },
 *     { "name": "eng-all", "action": "allow", "from": ["group:eng"], "to": ["group:eng"],
 *       "services": { "call": "voice", "chat": "interactive", "file": "bulk" }, "maxFileSize": "10 GiB" },
 *   ],
 * }
 * }</pre>
 *
 * <p>For a sender, a receiver and a service, the first rule whose {@code from} matches the sender,
 * whose {@code to} matches the receiver and whose {@code services} list the service decides; no
 * such rule means {@linkplain Decision#DEFAULT_DENY denied}. Rules are directional: {@code from}
 * opens the session. Selectors are {@code *}, {@code user:NAME} (or a bare NAME) and
 * {@code group:NAME}; a user is in a group if enrollment put them there or the file's
 * {@code groups} lists them. An allow rule gives each service a ceiling, as a map of service to
 * class name (voice, interactive, control, bulk, best_effort) or DSCP name (EF, AF31, AF21, AF11,
 * CS0), or as a list of services, each then at its own class (call voice, chat interactive, file
 * bulk); {@code maxFileSize} ("10 GiB", "500 MB", or a number of bytes) caps files. A deny rule
 * lists services only. The whole format is in docs/policy-file.md.
 *
 * <p>Immutable and thread safe.
 */
public final class Policy {

    private final String text;
    private final Map<String, Set<String>> groups;
    private final Map<String, Set<String>> groupsByUser;
    private final List<Rule> rules;

    private Policy(String text, PolicyReader.Contents contents) {
        this.text = text;
        this.groups = contents.groups();
        this.rules = contents.rules();
        Map<String, Set<String>> byUser = new HashMap<>();
        groups.forEach((group, users) -> users.forEach(u -> byUser.computeIfAbsent(u, k -> new HashSet<>()).add(group)));
        Map<String, Set<String>> frozen = new HashMap<>();
        byUser.forEach((user, names) -> frozen.put(user, Set.copyOf(names)));
        this.groupsByUser = Collections.unmodifiableMap(frozen);
    }

    /**
     * The policy {@code text} states.
     *
     * @throws PolicyException if the text is not a valid policy file; the message gives the line
     *                         and column at fault where there is one
     */
    public static Policy parse(String text) throws PolicyException {
        Objects.requireNonNull(text, "text");
        return new Policy(text, PolicyReader.read(HuJsonReader.read(text, "the policy file")));
    }

    /** A commented starting policy for {@code orgName}: everyone may call, chat and send files to everyone. */
    public static String defaultPolicy(String orgName) {
        return DefaultPolicy.text(orgName);
    }

    /** The file this policy was parsed from, exactly as written (comments included). */
    public String text() {
        return text;
    }

    /** The rules, in the order they are tried. */
    public List<Rule> rules() {
        return rules;
    }

    /** The groups the file defines: group name to user names. */
    public Map<String, Set<String>> groups() {
        return groups;
    }

    /** The groups the file puts {@code user} in (not counting enrollment groups). */
    public Set<String> groupsOf(String user) {
        return groupsByUser.getOrDefault(user, Set.of());
    }

    /** {@code user} with their enrollment groups and the groups this file puts them in. */
    public Subject subject(String user, Collection<String> enrollmentGroups) {
        Set<String> all = new HashSet<>(enrollmentGroups);
        all.addAll(groupsOf(user));
        return new Subject(user, all);
    }

    /**
     * What the first matching rule says about {@code service} from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException for {@link Service#CONTROL}, which every session has and no
     *                                  policy decides
     */
    public Decision decide(Subject from, Subject to, Service service) {
        if (service == Service.CONTROL) {
            throw new IllegalArgumentException("CONTROL is part of every session; policies decide call, chat and file");
        }
        for (Rule rule : rules) {
            if (rule.services().contains(service) && matches(rule.from(), from) && matches(rule.to(), to)) {
                return rule.decision(service);
            }
        }
        return Decision.deny(Decision.DEFAULT_DENY);
    }

    /** The decision for each service a policy decides (call, chat, file). */
    public Map<Service, Decision> decideAll(Subject from, Subject to) {
        Map<Service, Decision> out = new EnumMap<>(Service.class);
        for (Service service : ServiceNames.DECIDED) {
            out.put(service, decide(from, to, service));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The allowed services from {@code from} to {@code to}, each with its ceiling: what a ticket grants. */
    public Map<Service, QosClass> grants(Subject from, Subject to) {
        Map<Service, QosClass> out = new EnumMap<>(Service.class);
        decideAll(from, to).forEach((service, decision) -> {
            if (decision.allowed()) {
                out.put(service, decision.ceiling());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Whether {@code from} may open a session of any service to {@code to}: whether to list them in the directory. */
    public boolean mayContact(Subject from, Subject to) {
        for (Service service : ServiceNames.DECIDED) {
            if (decide(from, to, service).allowed()) {
                return true;
            }
        }
        return false;
    }

    /** Users the file names, in groups or in {@code user:} selectors. */
    Set<String> namedUsers() {
        Set<String> out = new HashSet<>(groupsByUser.keySet());
        for (Rule rule : rules) {
            addNames(rule.from(), Selector.Kind.USER, out);
            addNames(rule.to(), Selector.Kind.USER, out);
        }
        return out;
    }

    /** Groups the file names, defined in {@code groups} or used in {@code group:} selectors. */
    Set<String> namedGroups() {
        Set<String> out = new HashSet<>(groups.keySet());
        for (Rule rule : rules) {
            addNames(rule.from(), Selector.Kind.GROUP, out);
            addNames(rule.to(), Selector.Kind.GROUP, out);
        }
        return out;
    }

    private boolean matches(List<Selector> selectors, Subject subject) {
        for (Selector selector : selectors) {
            boolean match = switch (selector.kind()) {
                case ANY -> true;
                case USER -> selector.name().equals(subject.user());
                case GROUP -> subject.groups().contains(selector.name())
                        || groupsOf(subject.user()).contains(selector.name());
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static void addNames(List<Selector> selectors, Selector.Kind kind, Set<String> out) {
        for (Selector selector : selectors) {
            if (selector.kind() == kind) {
                out.add(selector.name());
            }
        }
    }

    @Override
    public String toString() {
        return "Policy[" + groups.size() + " groups, " + rules.size() + " rules]";
    }
}

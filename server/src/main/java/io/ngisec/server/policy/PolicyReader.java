package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.policy.PolicyException.Reason;
import io.ngisec.server.policy.SourceValue.Arr;
import io.ngisec.server.policy.SourceValue.Member;
import io.ngisec.server.policy.SourceValue.Num;
import io.ngisec.server.policy.SourceValue.Obj;
import io.ngisec.server.policy.SourceValue.Str;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a policy file's HuJSON tree into groups and rules, refusing everything the format does not
 * define with a message that says where and what is expected. Stateless.
 */
final class PolicyReader {

    private static final List<String> TOP_KEYS = List.of("groups", "rules");
    private static final List<String> RULE_KEYS = List.of("name", "action", "from", "to", "services", "maxFileSize");

    /** A policy file's contents: the groups it defines (name to members) and its rules in order. */
    record Contents(Map<String, Set<String>> groups, List<Rule> rules) {
    }

    private PolicyReader() {
    }

    static Contents read(SourceValue root) throws PolicyException {
        Obj top = object(root, "the policy file");
        checkKeys(top, TOP_KEYS, "the policy file");
        Member groups = top.members().get("groups");
        Member rules = require(top, "rules", "the policy file");
        return new Contents(groups == null ? Map.of() : groups(groups.value()), rules(rules.value()));
    }

    private static Map<String, Set<String>> groups(SourceValue value) throws PolicyException {
        Obj groups = object(value, "\"groups\"");
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Member group : groups.members().values()) {
            String name = group.key();
            if (!PolicyNames.isValid(name)) {
                throw PolicyException.at(group.keyAt(), Reason.BAD_NAME,
                        "group name " + PolicyNames.quote(name) + " is not valid: use " + PolicyNames.rule());
            }
            String where = "group " + PolicyNames.quote(name);
            Arr members = list(group.value(), where, "a list of user names");
            Set<String> users = new LinkedHashSet<>();
            for (SourceValue item : members.items()) {
                String member = string(item, "a member of " + where);
                if (member.startsWith("group:") || member.equals("*")) {
                    throw PolicyException.at(item.at(), Reason.BAD_SELECTOR, where + " lists "
                            + PolicyNames.quote(member) + ", but groups list users only (no groups, no \"*\")");
                }
                String user = member.startsWith("user:") ? member.substring("user:".length()) : member;
                if (!PolicyNames.isValid(user)) {
                    throw PolicyException.at(item.at(), Reason.BAD_NAME, "user name " + PolicyNames.quote(user)
                            + " in " + where + " is not valid: use " + PolicyNames.rule());
                }
                if (!users.add(user)) {
                    throw PolicyException.at(item.at(), Reason.DUPLICATE,
                            where + " lists " + PolicyNames.quote(user) + " twice");
                }
            }
            out.put(name, Collections.unmodifiableSet(users));
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Rule> rules(SourceValue value) throws PolicyException {
        Arr rules = list(value, "\"rules\"", "a list of rules");
        List<Rule> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.items().size(); i++) {
            out.add(rule(rules.items().get(i), i + 1, names));
        }
        return List.copyOf(out);
    }

    private static Rule rule(SourceValue value, int index, Set<String> names) throws PolicyException {
        String where = "rule " + index;
        Obj rule = object(value, where);
        checkKeys(rule, RULE_KEYS, where);

        SourceValue nameValue = require(rule, "name", where).value();
        String name = string(nameValue, "the name of " + where);
        if (!PolicyNames.isValid(name)) {
            throw PolicyException.at(nameValue.at(), Reason.BAD_NAME,
                    "rule name " + PolicyNames.quote(name) + " is not valid: use " + PolicyNames.rule());
        }
        if (name.equals(Decision.DEFAULT_DENY)) {
            throw PolicyException.at(nameValue.at(), Reason.BAD_NAME,
                    "rule name \"" + Decision.DEFAULT_DENY + "\" is reserved for what no rule allows");
        }
        if (!names.add(name)) {
            throw PolicyException.at(nameValue.at(), Reason.DUPLICATE,
                    "two rules are called " + PolicyNames.quote(name) + "; rule names must be unique");
        }
        where = "rule " + PolicyNames.quote(name);

        SourceValue actionValue = require(rule, "action", where).value();
        String actionText = string(actionValue, "the action of " + where);
        Rule.Action action = switch (actionText.strip().toLowerCase(Locale.ROOT)) {
            case "allow" -> Rule.Action.ALLOW;
            case "deny" -> Rule.Action.DENY;
            default -> throw PolicyException.at(actionValue.at(), Reason.UNKNOWN_ACTION, "action "
                    + PolicyNames.quote(actionText) + " of " + where + " is neither \"allow\" nor \"deny\"");
        };
        List<Selector> from = selectors(require(rule, "from", where).value(), "\"from\" of " + where);
        List<Selector> to = selectors(require(rule, "to", where).value(), "\"to\" of " + where);

        Set<Service> services = EnumSet.noneOf(Service.class);
        Map<Service, QosClass> ceilings = new EnumMap<>(Service.class);
        services(require(rule, "services", where).value(), action, where, services, ceilings);

        long maxFileBytes = 0;
        Member size = rule.members().get("maxFileSize");
        if (size != null) {
            if (action == Rule.Action.DENY) {
                throw PolicyException.at(size.keyAt(), Reason.MISPLACED_LIMIT,
                        "deny " + where + " has a maxFileSize; only allow rules limit file sizes");
            }
            if (!services.contains(Service.FILE)) {
                throw PolicyException.at(size.keyAt(), Reason.MISPLACED_LIMIT,
                        where + " has a maxFileSize but does not allow file");
            }
            maxFileBytes = size(size.value(), where);
        }
        return new Rule(name, action, from, to, services, ceilings, maxFileBytes);
    }

    private static List<Selector> selectors(SourceValue value, String where) throws PolicyException {
        Arr list = list(value, where, "a list of selectors such as [\"group:eng\", \"user:alice\", \"*\"]");
        if (list.items().isEmpty()) {
            throw PolicyException.at(list.at(), Reason.EMPTY,
                    where + " is empty: name at least one user or group, or \"*\" for everyone");
        }
        Set<Selector> out = new LinkedHashSet<>();
        for (SourceValue item : list.items()) {
            String text = string(item, "a selector in " + where);
            Selector selector = selector(text, item.at(), where);
            if (!out.add(selector)) {
                throw PolicyException.at(item.at(), Reason.DUPLICATE,
                        where + " lists " + PolicyNames.quote(text) + " twice");
            }
        }
        if (out.size() > 1 && out.contains(new Selector(Selector.Kind.ANY, ""))) {
            throw PolicyException.at(list.at(), Reason.BAD_SELECTOR,
                    where + " lists \"*\" with others, but \"*\" already matches everyone: list it alone");
        }
        return List.copyOf(out);
    }

    private static Selector selector(String text, Position at, String where) throws PolicyException {
        if (text.equals("*")) {
            return new Selector(Selector.Kind.ANY, "");
        }
        Selector.Kind kind;
        String name;
        if (text.startsWith("user:")) {
            kind = Selector.Kind.USER;
            name = text.substring("user:".length());
        } else if (text.startsWith("group:")) {
            kind = Selector.Kind.GROUP;
            name = text.substring("group:".length());
        } else if (text.indexOf(':') < 0 && !text.isEmpty()) {
            kind = Selector.Kind.USER;
            name = text;
        } else {
            throw PolicyException.at(at, Reason.BAD_SELECTOR, "selector " + PolicyNames.quote(text) + " in "
                    + where + " is not \"*\", \"user:NAME\", \"group:NAME\" or a user name");
        }
        if (!PolicyNames.isValid(name)) {
            throw PolicyException.at(at, Reason.BAD_NAME, (kind == Selector.Kind.GROUP ? "group" : "user")
                    + " name " + PolicyNames.quote(name) + " in " + where + " is not valid: use " + PolicyNames.rule());
        }
        return new Selector(kind, name);
    }

    private static void services(SourceValue value, Rule.Action action, String where, Set<Service> services,
                                 Map<Service, QosClass> ceilings) throws PolicyException {
        if (value instanceof Obj object) {
            if (action == Rule.Action.DENY) {
                throw PolicyException.at(value.at(), Reason.MISPLACED_LIMIT, "deny " + where
                        + " gives QoS classes; a deny rule lists its services only, such as [\"file\"]");
            }
            if (object.members().isEmpty()) {
                throw PolicyException.at(value.at(), Reason.EMPTY, "\"services\" of " + where + " is empty");
            }
            for (Member member : object.members().values()) {
                Service service = service(member.key(), member.keyAt(), where, services);
                SourceValue classValue = member.value();
                String className = string(classValue, "the class of " + member.key() + " in " + where);
                QosClass ceiling = QosNames.parse(className).orElseThrow(() -> PolicyException.at(classValue.at(),
                        Reason.UNKNOWN_CLASS, "unknown QoS class " + PolicyNames.quote(className) + " for "
                                + ServiceNames.policyName(service) + " in " + where + "; the classes are "
                                + QosNames.choices()));
                ceilings.put(service, ceiling);
            }
        } else if (value instanceof Arr list) {
            if (list.items().isEmpty()) {
                throw PolicyException.at(value.at(), Reason.EMPTY, "\"services\" of " + where + " is empty");
            }
            for (SourceValue item : list.items()) {
                String name = string(item, "a service in " + where);
                if (name.strip().equals("*")) {
                    for (Service s : ServiceNames.DECIDED) {
                        service(ServiceNames.policyName(s), item.at(), where, services);
                    }
                } else {
                    service(name, item.at(), where, services);
                }
            }
            if (action == Rule.Action.ALLOW) {
                services.forEach(s -> ceilings.put(s, ServiceNames.defaultClass(s)));
            }
        } else {
            throw PolicyException.at(value.at(), Reason.WRONG_TYPE, "\"services\" of " + where
                    + " must be a list such as [\"chat\"] or an object such as {\"call\": \"voice\"}, not "
                    + value.kind());
        }
    }

    private static Service service(String name, Position at, String where, Set<Service> seen) throws PolicyException {
        Service service = ServiceNames.parse(name).orElseThrow(() -> PolicyException.at(at, Reason.UNKNOWN_SERVICE,
                "unknown service " + PolicyNames.quote(name) + " in " + where + "; the services are "
                        + ServiceNames.choices()));
        if (!seen.add(service)) {
            throw PolicyException.at(at, Reason.DUPLICATE, where + " lists service "
                    + ServiceNames.policyName(service) + " twice");
        }
        return service;
    }

    private static long size(SourceValue value, String where) throws PolicyException {
        String bad = "maxFileSize of " + where + " must be a positive size such as \"10 GiB\" or \"500 MB\"";
        if (value instanceof Str text) {
            OptionalLong bytes = ByteSize.parse(text.value());
            if (bytes.isEmpty()) {
                throw PolicyException.at(value.at(), Reason.BAD_SIZE, bad + ", not " + PolicyNames.quote(text.value()));
            }
            return bytes.getAsLong();
        }
        if (value instanceof Num number && number.integral()) {
            try {
                long bytes = Long.parseLong(number.text());
                if (bytes > 0) {
                    return bytes;
                }
            } catch (NumberFormatException tooLarge) {
                // falls through to the same message as zero or negative sizes
            }
            throw PolicyException.at(value.at(), Reason.BAD_SIZE, bad + ", not " + PolicyNames.quote(number.text()));
        }
        throw PolicyException.at(value.at(), Reason.WRONG_TYPE, bad + ", not " + value.kind());
    }

    private static void checkKeys(Obj object, List<String> allowed, String where) throws PolicyException {
        for (Member member : object.members().values()) {
            if (!allowed.contains(member.key())) {
                throw PolicyException.at(member.keyAt(), Reason.UNKNOWN_KEY, "unknown key "
                        + PolicyNames.quote(member.key()) + " in " + where + "; the keys are "
                        + String.join(", ", allowed));
            }
        }
    }

    private static Member require(Obj object, String key, String where) throws PolicyException {
        Member member = object.members().get(key);
        if (member == null) {
            throw PolicyException.at(object.at(), Reason.MISSING_KEY, where + " has no \"" + key + "\"");
        }
        return member;
    }

    private static Obj object(SourceValue value, String what) throws PolicyException {
        if (value instanceof Obj object) {
            return object;
        }
        throw PolicyException.at(value.at(), Reason.WRONG_TYPE, what + " must be an object, not " + value.kind());
    }

    private static Arr list(SourceValue value, String what, String expected) throws PolicyException {
        if (value instanceof Arr list) {
            return list;
        }
        throw PolicyException.at(value.at(), Reason.WRONG_TYPE, what + " must be " + expected + ", not " + value.kind());
    }

    private static String string(SourceValue value, String what) throws PolicyException {
        if (value instanceof Str text) {
            return text.value();
        }
        throw PolicyException.at(value.at(), Reason.WRONG_TYPE, what + " must be a string, not " + value.kind());
    }
}

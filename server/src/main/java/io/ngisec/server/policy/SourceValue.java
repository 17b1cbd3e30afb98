package io.ngisec.server.policy;

import java.util.List;
import java.util.Map;

/**
 * A HuJSON value as read from a policy file, each part with where it starts, so that validation
 * messages point at the line to fix (a plain Jackson tree forgets positions). Immutable.
 */
sealed interface SourceValue {

    Position at();

    /** The value's JSON type for messages: "an object", "a list", "a string"... */
    String kind();

    /** An object's member: its key and where the key starts. */
    record Member(String key, Position keyAt, SourceValue value) {
    }

    /** An object, members in file order, keys unique. */
    record Obj(Position at, Map<String, Member> members) implements SourceValue {
        public Obj {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    record Arr(Position at, List<SourceValue> items) implements SourceValue {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    record Str(Position at, String value) implements SourceValue {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number, as written. */
    record Num(Position at, String text, boolean integral) implements SourceValue {
        @Override
        public String kind() {
            return "a number";
        }
    }

    /** true, false or null. */
    record Literal(Position at, String text) implements SourceValue {
        @Override
        public String kind() {
            return text;
        }
    }
}
